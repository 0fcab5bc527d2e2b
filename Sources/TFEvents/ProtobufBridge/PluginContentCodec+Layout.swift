internal import CProtobufC
internal import CTensorBoardProto

extension PluginContentCodec {
    /// The wire bytes of a `tensorboard.Layout` (version 0), the string a custom scalars value holds.
    static func encode(_ layout: CustomScalarLayout) -> [UInt8] {
        let arena = CArena()
        let message = arena.message(Tensorboard__Layout.self, tensorboard__layout__init)
        let categories = layout.categories.map { arena.category($0) as UnsafeMutablePointer<Tensorboard__Category>? }
        message.pointee.n_category = categories.count
        message.pointee.category = arena.array(categories)
        return ProtobufEncoder.pack(message)
    }

    /// The layout in `bytes`, or `nil` when they are not a valid `Layout`. A chart with neither
    /// kind of content decodes as a multiline chart without patterns, which draws nothing, as
    /// in TensorBoard.
    static func decodeLayout(_ bytes: [UInt8]) -> CustomScalarLayout? {
        bytes.withUnsafeBufferPointer { buffer -> CustomScalarLayout? in
            guard let message = tensorboard__layout__unpack(nil, buffer.count, buffer.baseAddress) else { return nil }
            defer { tensorboard__layout__free_unpacked(message, nil) }
            let c = message.pointee
            let categories = UnsafeBufferPointer(start: c.category, count: c.n_category)
            return CustomScalarLayout(categories.compactMap { $0.map { category($0.pointee) } })
        }
    }

    static func category(_ c: Tensorboard__Category) -> CustomScalarLayout.Category {
        let charts = UnsafeBufferPointer(start: c.chart, count: c.n_chart).compactMap { pointer in
            pointer.map { chart($0.pointee) }
        }
        return CustomScalarLayout.Category(ProtobufDecoder.string(c.title), charts: charts, isClosed: c.closed != 0)
    }

    static func chart(_ c: Tensorboard__Chart) -> CustomScalarLayout.Chart {
        let title = ProtobufDecoder.string(c.title)
        switch c.content_case {
        case TENSORBOARD__CHART__CONTENT_MARGIN:
            let margin = c.margin?.pointee
            let series = UnsafeBufferPointer(start: margin?.series, count: margin?.n_series ?? 0).compactMap {
                $0.map { series in
                    CustomScalarLayout.MarginSeries(
                        value: ProtobufDecoder.string(series.pointee.value),
                        lower: ProtobufDecoder.string(series.pointee.lower),
                        upper: ProtobufDecoder.string(series.pointee.upper))
                }
            }
            return .margin(title, series: series)
        default:
            let multiline = c.content_case == TENSORBOARD__CHART__CONTENT_MULTILINE ? c.multiline?.pointee : nil
            let patterns = UnsafeBufferPointer(start: multiline?.tag, count: multiline?.n_tag ?? 0).map {
                ProtobufDecoder.string($0)
            }
            return .multiline(title, tagPatterns: patterns)
        }
    }
}

// MARK: Swift to C

extension CArena {
    func category(_ category: CustomScalarLayout.Category) -> UnsafeMutablePointer<Tensorboard__Category> {
        let message = self.message(Tensorboard__Category.self, tensorboard__category__init)
        message.pointee.title = cString(category.title)
        let charts = category.charts.map { chart($0) as UnsafeMutablePointer<Tensorboard__Chart>? }
        message.pointee.n_chart = charts.count
        message.pointee.chart = array(charts)
        message.pointee.closed = category.isClosed ? 1 : 0
        return message
    }

    func chart(_ chart: CustomScalarLayout.Chart) -> UnsafeMutablePointer<Tensorboard__Chart> {
        let message = self.message(Tensorboard__Chart.self, tensorboard__chart__init)
        message.pointee.title = cString(chart.title)
        switch chart.content {
        case .multiline(let patterns):
            let content = self.message(
                Tensorboard__MultilineChartContent.self, tensorboard__multiline_chart_content__init)
            let tags = patterns.map { cString($0) as UnsafeMutablePointer<CChar>? }
            content.pointee.n_tag = tags.count
            content.pointee.tag = array(tags)
            message.pointee.content_case = TENSORBOARD__CHART__CONTENT_MULTILINE
            message.pointee.multiline = content
        case .margin(let series):
            let content = self.message(Tensorboard__MarginChartContent.self, tensorboard__margin_chart_content__init)
            let items = series.map { item -> UnsafeMutablePointer<Tensorboard__MarginChartContent__Series>? in
                let c = self.message(
                    Tensorboard__MarginChartContent__Series.self, tensorboard__margin_chart_content__series__init)
                c.pointee.value = cString(item.value)
                c.pointee.lower = cString(item.lower)
                c.pointee.upper = cString(item.upper)
                return c
            }
            content.pointee.n_series = items.count
            content.pointee.series = array(items)
            message.pointee.content_case = TENSORBOARD__CHART__CONTENT_MARGIN
            message.pointee.margin = content
        }
        return message
    }
}
