/// The report page's style sheet, inline in the page (the binary carries no resource files).
///
/// Colours are custom properties, in a light and a dark set: the dark set applies when the system
/// prefers it and the reader has not chosen light with the page's switch, or when the reader chose
/// dark. Line colours `--p0`… come from ``ChartPalette``, so the overview's swatches, the legend
/// and the canvas (which reads the same properties) always agree.
enum ReportStyle {
    static let css = """
        :root{\(lightColors)\(palette(dark: false))color-scheme:light}
        @media (prefers-color-scheme:dark){:root:not([data-theme=light]){\(darkColors)\(palette(dark: true))color-scheme:dark}}
        :root[data-theme=dark]{\(darkColors)\(palette(dark: true))color-scheme:dark}
        \(swatches)
        \(sheet)
        """

    private static let lightColors = """
        --bg:#f5f6f8;--surface:#fff;--surface-2:#f0f2f4;--surface-3:#e7eaee;--border:#e1e4e8;--border-strong:#cdd2d8;\
        --text:#1b1f24;--text-2:#555e69;--text-3:#858d97;--accent:#0b6bb0;--accent-soft:rgba(0,114,178,.10);\
        --warn:#b54708;--warn-soft:rgba(213,94,0,.10);--grid:#edf0f2;--axis:#c5cad1;--shadow:0 1px 2px rgba(16,24,40,.05);\
        --shadow-pop:0 8px 24px rgba(16,24,40,.14),0 2px 6px rgba(16,24,40,.08);--bar:rgba(255,255,255,.86);
        """

    private static let darkColors = """
        --bg:#0e1115;--surface:#161a20;--surface-2:#1c2128;--surface-3:#252b33;--border:#272d35;--border-strong:#363d47;\
        --text:#e6e9ed;--text-2:#a4acb6;--text-3:#767f8a;--accent:#6cbcf0;--accent-soft:rgba(86,180,233,.14);\
        --warn:#f3a35c;--warn-soft:rgba(230,159,0,.14);--grid:#20262d;--axis:#3a424c;--shadow:none;\
        --shadow-pop:0 10px 28px rgba(0,0,0,.5);--bar:rgba(22,26,32,.86);
        """

    /// `--p0:#0072B2;--p1:…`.
    private static func palette(dark: Bool) -> String {
        let colors = dark ? ChartPalette.dark : ChartPalette.light
        return colors.enumerated().map { "--p\($0.offset):\($0.element);" }.joined()
    }

    /// `.c0{--c:var(--p0)}`: a swatch's colour by line index modulo the palette.
    private static let swatches = ChartPalette.light.indices.map { ".c\($0){--c:var(--p\($0))}" }.joined()

    private static let sheet = #"""
        *,*::before,*::after{box-sizing:border-box}
        [hidden]{display:none!important}
        html{-webkit-text-size-adjust:100%;scroll-padding-top:64px}
        body{margin:0;background:var(--bg);color:var(--text);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","Liberation Sans",Arial,sans-serif;-webkit-font-smoothing:antialiased}
        code,.path,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.92em}
        a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        button{font:inherit;color:inherit}
        .visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
        .masthead,.bar-inner,main,.footer{max-width:1560px;margin:0 auto;padding-left:32px;padding-right:32px}
        .masthead{padding-top:22px;padding-bottom:14px}
        .masthead h1{margin:0;font-size:21px;line-height:1.25;font-weight:650;letter-spacing:-.01em;overflow-wrap:anywhere}
        .masthead .facts{margin:6px 0 0;color:var(--text-2);font-size:13px;display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 0;font-variant-numeric:tabular-nums}
        .masthead .facts .sep{color:var(--text-3);margin:0 8px}
        .masthead .facts .path{color:var(--text);overflow-wrap:anywhere}
        .bar{position:sticky;top:0;z-index:20;background:var(--bar);-webkit-backdrop-filter:saturate(1.6) blur(10px);backdrop-filter:saturate(1.6) blur(10px);border-top:1px solid var(--border);border-bottom:1px solid var(--border)}
        .bar-inner{display:flex;align-items:center;gap:16px;min-height:48px;flex-wrap:wrap}
        .nav{display:flex;gap:2px;list-style:none;margin:0;padding:0;flex-wrap:wrap}
        .nav a{display:inline-flex;align-items:center;gap:6px;padding:5px 10px;border-radius:7px;color:var(--text-2);font-weight:550;font-size:13.5px}
        .nav a:hover{background:var(--surface-2);color:var(--text);text-decoration:none}
        .nav a[aria-current=true]{color:var(--text);background:var(--surface-3)}
        .nav-count{font-size:11.5px;font-weight:600;color:var(--text-3);font-variant-numeric:tabular-nums}
        .bar-tools{margin-left:auto;display:flex;align-items:center;gap:10px}
        .search{position:relative;display:flex;align-items:center}
        .search input{width:260px;height:32px;padding:0 64px 0 32px;border:1px solid var(--border-strong);border-radius:8px;background:var(--surface) no-repeat 10px 50%/14px;color:var(--text);font:inherit;font-size:13.5px;outline:none}
        .search::before{content:"";position:absolute;left:11px;width:9px;height:9px;border:1.6px solid var(--text-3);border-radius:50%;top:9px}
        .search::after{content:"";position:absolute;left:20px;top:19px;width:5px;height:1.6px;background:var(--text-3);transform:rotate(45deg)}
        .search input:focus{border-color:var(--accent);box-shadow:0 0 0 3px var(--accent-soft)}
        .search input.invalid{border-color:var(--warn)}
        .search-count{position:absolute;right:10px;font-size:12px;color:var(--text-3);font-variant-numeric:tabular-nums;pointer-events:none}
        .theme-toggle{height:32px;min-width:64px;padding:0 12px;border:1px solid var(--border-strong);border-radius:8px;background:var(--surface);font-size:13px;font-weight:550;color:var(--text-2);cursor:pointer}
        .theme-toggle:hover{color:var(--text);background:var(--surface-2)}
        main{padding-bottom:24px}
        .section{margin-top:26px}
        .section>h2{display:flex;align-items:center;gap:10px;margin:0 0 12px;font-size:17px;font-weight:650;letter-spacing:-.005em}
        .badge{display:inline-block;padding:1px 8px;border-radius:999px;background:var(--surface-3);color:var(--text-2);font-size:12px;font-weight:600;font-variant-numeric:tabular-nums;letter-spacing:0}
        .warn-badge{background:var(--warn-soft);color:var(--warn)}
        .section-note,.table-note{margin:0 0 12px;color:var(--text-2);font-size:13px;max-width:80ch}
        .table-note{margin:8px 0 0;font-size:12.5px;color:var(--text-3)}
        .subhead{display:flex;align-items:center;gap:8px;margin:26px 0 6px;font-size:14.5px;font-weight:650}
        .table-wrap{overflow:auto;max-height:min(72vh,640px);border:1px solid var(--border);border-radius:10px;background:var(--surface);box-shadow:var(--shadow)}
        table.data{border-collapse:separate;border-spacing:0;width:max-content;min-width:100%;font-size:13px;font-variant-numeric:tabular-nums}
        .data th,.data td{padding:6px 12px;border-bottom:1px solid var(--border);text-align:left;white-space:nowrap;vertical-align:baseline}
        .data thead th{position:sticky;top:0;z-index:2;background:var(--surface-2);color:var(--text-2);font-weight:600;font-size:12.5px;border-bottom:1px solid var(--border-strong)}
        .data thead tr:nth-child(2) th{top:31px}
        .data tbody tr:last-child td{border-bottom:0}
        .data tbody tr:hover td{background:var(--surface-2)}
        .data .num{text-align:right}
        .data th.tag{text-align:center;font-weight:600;color:var(--text);padding-top:7px;padding-bottom:5px;border-bottom:1px solid var(--border)}
        .data .group-start{border-left:1px solid var(--border)}
        .data th.hp-group{text-align:center;color:var(--text-3);font-weight:600;padding-top:7px;padding-bottom:5px;border-bottom:1px solid var(--border)}
        .data td.hp{color:var(--text-2)}
        .prefix{color:var(--text-3);font-weight:500}
        .sort{all:unset;cursor:pointer;display:inline-flex;align-items:center;gap:4px;border-radius:4px}
        .sort:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
        .sort:hover{color:var(--text)}
        .arrow{display:inline-block;width:8px;font-size:9px;color:var(--accent)}
        th[aria-sort=ascending] .arrow::after{content:"▲"}
        th[aria-sort=descending] .arrow::after{content:"▼"}
        th[aria-sort=ascending],th[aria-sort=descending]{color:var(--text)}
        .overview td.name,.overview th.name{position:sticky;left:0;z-index:1;background:var(--surface);border-right:1px solid var(--border);max-width:360px}
        .overview thead th.name{z-index:3;background:var(--surface-2)}
        .overview tr>.name+.group-start,.overview:not(.grouped) thead tr:nth-child(2)>:first-child{border-left:0}
        .overview tbody tr:hover td.name{background:var(--surface-2)}
        .name-inner{display:flex;align-items:center;gap:8px;min-width:0}
        .name-inner .label{overflow:hidden;text-overflow:ellipsis;font-weight:550}
        .swatch{flex:none;display:inline-block;width:10px;height:10px;border-radius:3px;background:var(--c,transparent)}
        .swatch.empty{border:1px dashed var(--border-strong)}
        .warn{flex:none;display:inline-flex;align-items:center;padding:0 6px;border-radius:999px;background:var(--warn-soft);color:var(--warn);font-size:11.5px;font-weight:650}
        .warn::before{content:"⚠";margin-right:3px}
        .warn:hover{text-decoration:none}
        .none{color:var(--text-3)}
        .pm{color:var(--text-3);font-size:.92em}
        td.top{font-weight:650;color:var(--accent)}
        .hide-constant .constant{display:none}
        .fold-note{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:0 0 10px;font-size:12.5px;color:var(--text-2)}
        .fold-label{margin-right:2px}
        .chip{display:inline-flex;gap:5px;align-items:baseline;padding:2px 9px;border:1px solid var(--border);border-radius:999px;background:var(--surface)}
        .chip .k{color:var(--text-3)}
        .chip .v{font-weight:600;font-variant-numeric:tabular-nums}
        .link{border:0;background:none;padding:2px 4px;color:var(--accent);cursor:pointer;font-size:12.5px;font-weight:550}
        .link:hover{text-decoration:underline}
        .kind{display:inline-block;padding:0 7px;border-radius:5px;background:var(--surface-3);color:var(--text-2);font-size:12px;font-weight:550}
        table.data.problems{width:100%}
        .problems td:last-child{white-space:normal;min-width:320px;width:100%}
        .controls{position:sticky;top:49px;z-index:10;display:flex;flex-wrap:wrap;align-items:center;gap:10px 26px;padding:10px 14px;margin-bottom:10px;border:1px solid var(--border);border-radius:10px;background:var(--surface);box-shadow:var(--shadow)}
        .control{display:flex;align-items:center;gap:10px;font-size:13px}
        .control-label{color:var(--text-2);font-weight:550}
        .smoothing input{width:170px;accent-color:var(--accent);margin:0}
        .smoothing output{min-width:3.2em;font-variant-numeric:tabular-nums;font-weight:600}
        .segmented{gap:0}
        .segmented .control-label{margin-right:10px}
        .segmented button{height:28px;padding:0 11px;border:1px solid var(--border-strong);background:var(--surface);color:var(--text-2);font-size:12.5px;font-weight:550;cursor:pointer;margin-left:-1px}
        .segmented button:nth-of-type(1){border-radius:7px 0 0 7px;margin-left:0}
        .segmented button:last-child{border-radius:0 7px 7px 0}
        .segmented button:hover{color:var(--text)}
        .segmented button[aria-pressed=true]{background:var(--accent-soft);color:var(--accent);border-color:var(--accent);position:relative;z-index:1}
        .legend{display:flex;flex-wrap:wrap;align-items:center;gap:2px 4px;margin:0 0 6px;padding:0 2px}
        .legend-item{display:inline-flex;align-items:center;gap:7px;max-width:280px;padding:3px 8px;border:0;border-radius:6px;background:none;font-size:12.5px;cursor:pointer;color:var(--text)}
        .legend-item:hover{background:var(--surface-3)}
        .legend-item .label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .legend-item .swatch{width:14px;height:3px;border-radius:2px}
        .legend-item[aria-pressed=false]{color:var(--text-3)}
        .legend-item[aria-pressed=false] .swatch{opacity:.25}
        .legend-item[aria-pressed=false] .label{text-decoration:line-through}
        .legend-more{font-size:12.5px}
        .legend-hint{color:var(--text-3);font-size:12px;margin-left:6px}
        .tag-group{margin:4px 0 14px}
        .tag-group>summary{display:flex;align-items:center;gap:8px;padding:6px 2px;cursor:pointer;list-style:none;user-select:none}
        .tag-group>summary::-webkit-details-marker{display:none}
        .tag-group>summary::before{content:"";width:6px;height:6px;border-right:1.6px solid var(--text-3);border-bottom:1.6px solid var(--text-3);transform:rotate(-45deg);margin:0 4px 0 2px;transition:transform .15s}
        .tag-group[open]>summary::before{transform:rotate(45deg)}
        .tag-group h3{margin:0;font-size:14px;font-weight:650;overflow-wrap:anywhere}
        .group-count{color:var(--text-3);font-size:12px;font-weight:600;font-variant-numeric:tabular-nums}
        .chart-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,440px),1fr));gap:14px}
        .chart{margin:0;padding:12px 14px 8px;border:1px solid var(--border);border-radius:10px;background:var(--surface);box-shadow:var(--shadow);min-width:0}
        .chart figcaption{display:flex;align-items:baseline;gap:10px;margin-bottom:6px;min-width:0}
        .tag-name{font-weight:650;font-size:13.5px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
        .chart-meta{margin-left:auto;flex:none;color:var(--text-3);font-size:12px;font-variant-numeric:tabular-nums}
        .plot{position:relative;height:250px;touch-action:pan-y}
        .plot canvas{position:absolute;inset:0;width:100%;height:100%}
        .plot .overlay{cursor:crosshair}
        .nonfinite{margin-top:4px;font-size:12px;color:var(--warn)}
        .tooltip{position:fixed;z-index:50;pointer-events:none;min-width:220px;max-width:min(560px,90vw);padding:8px 10px;border:1px solid var(--border-strong);border-radius:9px;background:var(--surface);box-shadow:var(--shadow-pop);font-size:12px;font-variant-numeric:tabular-nums}
        .tooltip .tip-head{margin-bottom:5px;color:var(--text-2);font-weight:600}
        .tooltip table{border-collapse:collapse;width:100%}
        .tooltip th{font-weight:550;color:var(--text-3);text-align:right;padding:0 0 3px 12px;font-size:11px}
        .tooltip th:first-child{text-align:left;padding-left:0}
        .tooltip td{padding:2px 0 2px 12px;text-align:right;white-space:nowrap}
        .tooltip td:first-child{text-align:left;padding-left:0;max-width:240px;overflow:hidden;text-overflow:ellipsis}
        .tooltip td:first-child .swatch{width:12px;height:3px;margin-right:6px;vertical-align:middle}
        .tooltip .more{color:var(--text-3);margin-top:4px}
        .media-grid{display:flex;flex-wrap:wrap;align-items:flex-start;gap:14px}
        .figure-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,460px),1fr));gap:14px}
        .figure-card{margin:0;border:1px solid var(--border);border-radius:10px;background:var(--surface);box-shadow:var(--shadow);overflow:hidden}
        .svg-chart svg{display:block;width:100%;height:auto}
        .svg-dark{display:none}
        :root[data-theme=dark] .svg-light{display:none}:root[data-theme=dark] .svg-dark{display:block}
        @media (prefers-color-scheme:dark){:root:not([data-theme=light]) .svg-light{display:none}:root:not([data-theme=light]) .svg-dark{display:block}}
        .media-card{flex:0 1 auto;min-width:200px;max-width:100%}
        .media-card,.text-card{margin:0;border:1px solid var(--border);border-radius:10px;background:var(--surface);box-shadow:var(--shadow);overflow:hidden;min-width:0}
        .media-images{display:flex;flex-wrap:wrap;justify-content:center;align-items:center;gap:6px;padding:12px;min-height:120px;background-color:var(--surface-2);background-image:linear-gradient(45deg,var(--surface-3) 25%,transparent 25%,transparent 75%,var(--surface-3) 75%),linear-gradient(45deg,var(--surface-3) 25%,transparent 25%,transparent 75%,var(--surface-3) 75%);background-size:16px 16px;background-position:0 0,8px 8px}
        .media{display:block;max-width:100%;height:auto;border-radius:3px}
        .media.pixelated{image-rendering:pixelated}
        .media-missing{padding:18px 10px;color:var(--text-3);font-size:12px;text-align:center}
        .media-card figcaption,.text-card header{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px;padding:8px 12px;border-top:1px solid var(--border);font-size:12.5px;min-width:0}
        .text-card header{border-top:0;border-bottom:1px solid var(--border);background:var(--surface-2)}
        .run{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:100%}
        .media-card .facts,.text-card .facts{margin:0;font-size:12px;color:var(--text-3);font-variant-numeric:tabular-nums}
        .text-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:14px}
        .text-body{padding:10px 12px;font-size:13px;overflow:auto;max-height:420px}
        .md-text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 8px}
        .md-text:last-child{margin-bottom:0}
        .md-table{border-collapse:collapse;font-size:12.5px;font-variant-numeric:tabular-nums}
        .text-body .table-wrap{width:fit-content;max-width:100%;border-radius:6px;box-shadow:none;max-height:none;margin:0 0 8px}
        .table-wrap.fit{width:fit-content;max-width:100%}
        .md-table th,.md-table td{padding:4px 10px;border-bottom:1px solid var(--border);white-space:pre-wrap;text-align:left;vertical-align:top}
        .md-table th{background:var(--surface-2);font-weight:600}
        .md-table tr:last-child td{border-bottom:0}
        .md-table .align-right{text-align:right}.md-table .align-center{text-align:center}
        .cut{color:var(--text-3);font-size:12px;margin:6px 0 0}
        .other-kinds .tag-cell{font-weight:550}
        .footer{margin-top:36px;padding-top:16px;padding-bottom:28px;border-top:1px solid var(--border);color:var(--text-3);font-size:12px}
        @media (max-width:720px){.masthead,.bar-inner,main,.footer{padding-left:14px;padding-right:14px}.search input{width:180px}.controls{position:static}}
        @media print{.bar,.controls{position:static}.bar-tools{display:none}body{background:#fff}.table-wrap{max-height:none;overflow:visible}}
        """#
}
