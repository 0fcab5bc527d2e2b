import Foundation
import TFEvents

/// The last image of each image tag in each run, with its step, embedded as `data:` URIs.
///
/// Only the last point of each tag is shown, and of it the first ``samplesPerPoint`` images, so
/// that a report stays small enough to mail: an image larger than ``maximumImageBytes`` is named
/// but not embedded, and once ``imageBudget`` bytes are embedded the rest are only named.
struct ImagesSection: ReportSection {
    /// The images of one point shown at most.
    static let samplesPerPoint = 4
    /// The largest encoded image embedded.
    static let maximumImageBytes = 1 << 20
    /// The encoded bytes embedded in all.
    static let imageBudget = 8 << 20

    /// One tag of one run.
    struct Card {
        var run: String
        var group: String?
        var step: Int64
        var count: Int
        var width: Int
        var height: Int
        var images: [[UInt8]]
    }

    /// Cards by tag, tags in name order.
    let tags: [(tag: String, cards: [Card])]

    init(runs: [ReportInput.Run], groups: [RunGroup]?) {
        let groupOf = ReportGroupNames(groups)
        var byTag: [String: [Card]] = [:]
        for run in runs {
            for entry in run.scan.entries where entry.series.kind == .images {
                guard case .images(let width, let height, let images)? = entry.last else { continue }
                byTag[entry.series.tag, default: []].append(
                    Card(
                        run: run.name, group: groupOf[run.name], step: entry.lastStep, count: entry.count,
                        width: width, height: height, images: images))
            }
        }
        tags = byTag.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, byTag[$0]!) }
    }

    var id: String { "images" }
    var title: String { "Images" }
    var isEmpty: Bool { tags.isEmpty }

    var badge: String? {
        ReportDocument.count(tags.reduce(0) { $0 + $1.cards.reduce(0) { $0 + min($1.images.count, Self.samplesPerPoint) } }, "image")
    }

    func body() -> String {
        var budget = Self.imageBudget
        var html = "<p class=\"section-note\">The last image of each tag in each run (at most \(Self.samplesPerPoint) "
        html += "of a batch), at its size or enlarged without smoothing.</p>\n"
        for (tag, cards) in tags {
            html += "<details class=\"tag-group\" open><summary><h3>\(Markup.escape(tag))</h3>"
            html += "<span class=\"group-count\">\(cards.count)</span></summary>\n<div class=\"media-grid\">\n"
            for card in cards {
                html += "<figure class=\"media-card\"\(ReportGroupNames.attributes(run: card.run, group: card.group))>"
                html += "<div class=\"media-images\">"
                for (index, image) in card.images.prefix(Self.samplesPerPoint).enumerated() {
                    html += imageHTML(image, card: card, index: index, budget: &budget, tag: tag)
                }
                html += "</div><figcaption><span class=\"run\">\(Markup.escape(card.run))</span>"
                var facts = ["step \(card.step)", "\(card.width)×\(card.height)"]
                if card.images.count > 1 { facts.append("\(card.images.count) in batch") }
                facts.append(ReportDocument.count(card.count, "point"))
                html += "<span class=\"facts\">\(facts.joined(separator: " · "))</span></figcaption></figure>\n"
            }
            html += "</div>\n</details>\n"
        }
        return html
    }

    private func imageHTML(_ bytes: [UInt8], card: Card, index: Int, budget: inout Int, tag: String) -> String {
        guard let type = Self.mediaType(bytes) else {
            return "<div class=\"media-missing\">not an image format a browser shows</div>"
        }
        guard bytes.count <= Self.maximumImageBytes, bytes.count <= budget else {
            let why = bytes.count > Self.maximumImageBytes ? "too large to embed" : "left out: the report's image budget is spent"
            return "<div class=\"media-missing\">\(ReportDocument.byteCount(bytes.count)) image, \(why)</div>"
        }
        budget -= bytes.count
        // Small images are enlarged by a whole factor, pixels kept sharp.
        let factor = card.width > 0 && card.width < 96 ? (96 + card.width - 1) / card.width : 1
        let width = card.width * factor
        let alt = "\(tag), \(card.run), step \(card.step)" + (card.images.count > 1 ? ", image \(index + 1)" : "")
        let pixelated = factor > 1 ? " pixelated" : ""
        return "<img class=\"media\(pixelated)\" alt=\"\(Markup.escape(alt))\" width=\"\(width)\" "
            + "height=\"\(card.height * factor)\" style=\"width:\(width)px\" decoding=\"async\" "
            + "src=\"data:\(type);base64,\(Data(bytes).base64EncodedString())\">"
    }

    /// The media type of the encoded image formats browsers show, from their first bytes.
    static func mediaType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        if bytes.starts(with: Array("BM".utf8)) { return "image/bmp" }
        return nil
    }
}
