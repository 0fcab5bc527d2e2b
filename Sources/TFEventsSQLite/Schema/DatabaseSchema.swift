/// The database an export writes: normalized tables with integer ids, indexes made after the
/// bulk insert, and the views that are the documented interface (see the `DatabaseSchema`
/// article of the documentation and the README).
///
/// The views are the contract: their names and columns only ever gain columns at the end, in a
/// new ``version``. The tables behind them may change between versions.
enum DatabaseSchema {
    /// `PRAGMA user_version` of the databases this code writes.
    static let version = 1
    /// `PRAGMA application_id`: "TFEv", so `file(1)`-like tools can tell our databases apart.
    static let applicationID: Int32 = 0x5446_4576

    /// Settings for building the database in a temporary file nobody else reads: no rollback
    /// journal and no syncing (the file is synced once, whole, before it is renamed into place,
    /// so a crash leaves no half database where anyone looks), a large cache, an exclusive lock.
    static let buildSettings = """
        PRAGMA page_size = 16384;
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        PRAGMA locking_mode = EXCLUSIVE;
        PRAGMA temp_store = MEMORY;
        PRAGMA cache_size = -65536;
        """

    /// The tables, created empty before the first row.
    static let tables = """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value
        ) WITHOUT ROWID;
        CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            files INTEGER NOT NULL,
            first_wall_time REAL,
            last_wall_time REAL,
            file_version REAL,
            source_writer TEXT
        );
        CREATE TABLE file (
            run_id INTEGER NOT NULL REFERENCES run (id),
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            placeholder INTEGER NOT NULL
        );
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES run (id),
            tag TEXT NOT NULL,
            kind TEXT NOT NULL,
            plugin TEXT NOT NULL,
            display_name TEXT,
            description TEXT,
            mesh_name TEXT,
            mesh_part TEXT,
            points INTEGER NOT NULL,
            purged INTEGER NOT NULL
        );
        CREATE TABLE hparam (
            run_id INTEGER NOT NULL REFERENCES run (id),
            name TEXT NOT NULL,
            value
        );
        CREATE TABLE problem (
            run_id INTEGER REFERENCES run (id),
            file TEXT NOT NULL,
            "offset" INTEGER,
            resumed_at INTEGER,
            kind TEXT NOT NULL,
            message TEXT NOT NULL
        );
        CREATE TABLE scalar_point (
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            value REAL
        );
        CREATE TABLE scalar_range (
            series_id INTEGER NOT NULL REFERENCES series (id),
            first_point INTEGER NOT NULL,
            last_point INTEGER NOT NULL
        );
        CREATE TABLE histogram_bucket (
            series_id INTEGER NOT NULL REFERENCES series (id),
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            idx INTEGER NOT NULL,
            "left" REAL,
            "right" REAL,
            count REAL
        );
        CREATE TABLE image (
            series_id INTEGER NOT NULL REFERENCES series (id),
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            idx INTEGER NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE text_point (
            series_id INTEGER NOT NULL REFERENCES series (id),
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            shape TEXT NOT NULL,
            value TEXT NOT NULL
        );
        CREATE TABLE audio_clip (
            series_id INTEGER NOT NULL REFERENCES series (id),
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            idx INTEGER NOT NULL,
            sample_rate INTEGER,
            channels INTEGER,
            frames INTEGER,
            data BLOB NOT NULL
        );
        CREATE TABLE pr_curve_threshold (
            series_id INTEGER NOT NULL REFERENCES series (id),
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            idx INTEGER NOT NULL,
            threshold REAL NOT NULL,
            tp REAL,
            fp REAL,
            tn REAL,
            fn REAL,
            precision REAL,
            recall REAL
        );
        CREATE TABLE mesh_tensor (
            series_id INTEGER NOT NULL REFERENCES series (id),
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            batch INTEGER NOT NULL,
            "rows" INTEGER NOT NULL,
            shape TEXT NOT NULL
        );
        CREATE TABLE layout_chart (
            series_id INTEGER NOT NULL REFERENCES series (id),
            step INTEGER NOT NULL,
            wall_time REAL NOT NULL,
            category_idx INTEGER NOT NULL,
            category TEXT NOT NULL,
            closed INTEGER NOT NULL,
            chart_idx INTEGER NOT NULL,
            chart TEXT NOT NULL,
            kind TEXT NOT NULL,
            tags TEXT NOT NULL
        );
        """

    /// The indexes, made after the bulk insert (building an index once is much faster than
    /// keeping it up to date row by row). `scalar_point`, by far the largest table, needs none:
    /// the points of a series are inserted one after another, so they are a range of rowids,
    /// which `scalar_range` records (several ranges when a run was read in several blocks), and
    /// rows are appended to the table's B-tree with only three values each.
    static let indexes = """
        CREATE UNIQUE INDEX run_name ON run (name);
        CREATE INDEX file_run ON file (run_id);
        CREATE INDEX series_run_tag ON series (run_id, tag);
        CREATE INDEX series_tag ON series (tag);
        CREATE INDEX hparam_run ON hparam (run_id, name);
        CREATE INDEX hparam_name ON hparam (name);
        CREATE INDEX scalar_range_series ON scalar_range (series_id);
        CREATE INDEX histogram_bucket_series_step ON histogram_bucket (series_id, step);
        CREATE INDEX image_series_step ON image (series_id, step);
        CREATE INDEX text_point_series_step ON text_point (series_id, step);
        CREATE INDEX audio_clip_series_step ON audio_clip (series_id, step);
        CREATE INDEX pr_curve_threshold_series_step ON pr_curve_threshold (series_id, step);
        CREATE INDEX mesh_tensor_series_step ON mesh_tensor (series_id, step);
        CREATE INDEX layout_chart_series_step ON layout_chart (series_id, step);
        """

    /// The documented views: names for people, one row per thing TensorBoard shows.
    static let views = """
        CREATE VIEW runs AS
            SELECT name AS run, files, first_wall_time, last_wall_time FROM run;
        CREATE VIEW files AS
            SELECT r.name AS run, f.name AS file, f.size AS size
            FROM file f JOIN run r ON r.id = f.run_id;
        CREATE VIEW tags AS
            SELECT r.name AS run, s.tag AS tag, s.kind AS kind, s.plugin AS plugin, s.points AS points,
                s.purged AS purged
            FROM series s JOIN run r ON r.id = s.run_id;
        CREATE VIEW scalars AS
            SELECT r.name AS run, s.tag AS tag, p.step AS step, p.wall_time AS wall_time, p.value AS value
            FROM scalar_range g JOIN series s ON s.id = g.series_id JOIN run r ON r.id = s.run_id
            JOIN scalar_point p ON p.rowid BETWEEN g.first_point AND g.last_point;
        CREATE VIEW hparams AS
            SELECT r.name AS run, h.name AS name, h.value AS value
            FROM hparam h JOIN run r ON r.id = h.run_id;
        CREATE VIEW histograms AS
            SELECT r.name AS run, s.tag AS tag, b.step AS step, b."left" AS "left", b."right" AS "right",
                b.count AS count
            FROM histogram_bucket b JOIN series s ON s.id = b.series_id JOIN run r ON r.id = s.run_id;
        CREATE VIEW images AS
            SELECT r.name AS run, s.tag AS tag, i.step AS step, i.idx AS idx, i.width AS width,
                i.height AS height, i.data AS data
            FROM image i JOIN series s ON s.id = i.series_id JOIN run r ON r.id = s.run_id;
        CREATE VIEW text AS
            SELECT r.name AS run, s.tag AS tag, t.step AS step, t.value AS value
            FROM text_point t JOIN series s ON s.id = t.series_id JOIN run r ON r.id = s.run_id;
        CREATE VIEW audio AS
            SELECT r.name AS run, s.tag AS tag, a.step AS step, a.idx AS idx, a.sample_rate AS sample_rate,
                a.channels AS channels, a.frames AS frames, a.data AS data
            FROM audio_clip a JOIN series s ON s.id = a.series_id JOIN run r ON r.id = s.run_id;
        CREATE VIEW pr_curves AS
            SELECT r.name AS run, s.tag AS tag, c.step AS step, c.threshold AS threshold, c.tp AS tp,
                c.fp AS fp, c.tn AS tn, c.fn AS fn, c.precision AS precision, c.recall AS recall
            FROM pr_curve_threshold c JOIN series s ON s.id = c.series_id JOIN run r ON r.id = s.run_id;
        CREATE VIEW meshes AS
            SELECT r.name AS run, s.tag AS tag, s.mesh_name AS mesh, s.mesh_part AS part, m.step AS step,
                m.batch AS batch, m."rows" AS "rows"
            FROM mesh_tensor m JOIN series s ON s.id = m.series_id JOIN run r ON r.id = s.run_id;
        CREATE VIEW custom_scalars AS
            SELECT r.name AS run, l.step AS step, l.category AS category, l.chart AS chart, l.kind AS kind,
                l.tags AS tags
            FROM layout_chart l JOIN series s ON s.id = l.series_id JOIN run r ON r.id = s.run_id;
        CREATE VIEW problems AS
            SELECT r.name AS run, p.file AS file, p."offset" AS "offset", p.kind AS kind, p.message AS message
            FROM problem p LEFT JOIN run r ON r.id = p.run_id;
        """
}
