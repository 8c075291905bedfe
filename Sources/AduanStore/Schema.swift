/// The store's tables, as numbered migrations applied in order inside one transaction at open.
///
/// - `events` is the truth: append-only, one row per accepted action, hash-chained.
/// - `complaints`, `cc`, `counts` and `complaints_fts` are projections of the events; `aduan
///   verify` replays the events and names every projection that disagrees (there is no repair
///   command: a damaged store is restored from a backup).
enum Schema {
    /// The newest schema this build understands. A store with a higher number is refused, never altered.
    static let version = 4

    static let migrations: [(version: Int, sql: String)] = [
        (1, """
        CREATE TABLE meta(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE events(
            seq INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            agency_from TEXT,
            agency_to TEXT,
            body TEXT NOT NULL,
            hash BLOB NOT NULL,
            UNIQUE(complaint_id, version)
        );
        CREATE INDEX events_forward ON events(agency_to, agency_from) WHERE kind = 'forward';
        CREATE INDEX events_forward_out ON events(agency_from) WHERE kind = 'forward';

        CREATE TABLE complaints(
            id INTEGER PRIMARY KEY,
            tracking_id TEXT,
            title TEXT NOT NULL,
            channel TEXT NOT NULL,
            classification TEXT NOT NULL,
            category TEXT NOT NULL,
            priority TEXT NOT NULL,
            anonymous INTEGER NOT NULL,
            confidential INTEGER NOT NULL,
            privacy_decided INTEGER NOT NULL,
            status INTEGER NOT NULL,
            holder_agency TEXT NOT NULL,
            holder_unit TEXT,
            intake_agency TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL,
            version INTEGER NOT NULL,
            due_at INTEGER,
            due_kind TEXT,
            due_key INTEGER NOT NULL,
            rating INTEGER,
            ping_pong INTEGER NOT NULL,
            first_follow_up_wd INTEGER,
            auto_close_at INTEGER,
            paused_at INTEGER,
            receipt_week INTEGER NOT NULL,
            content_key TEXT
        );
        -- The long texts live apart, so lists, filters and index builds read narrow rows.
        CREATE TABLE complaint_texts(
            id INTEGER PRIMARY KEY,
            body TEXT NOT NULL,
            state TEXT NOT NULL
        );
        CREATE VIEW complaint_search AS
            SELECT c.id AS id, c.title AS title, t.body AS body FROM complaints c JOIN complaint_texts t ON t.id = c.id;
        CREATE INDEX complaints_agency_due ON complaints(holder_agency, due_key, id);
        CREATE INDEX complaints_agency_status_due ON complaints(holder_agency, status, due_key, id);
        CREATE INDEX complaints_unit_due ON complaints(holder_unit, due_key, id);
        CREATE INDEX complaints_due ON complaints(due_key, id);
        CREATE INDEX complaints_status_due ON complaints(status, due_key, id);
        CREATE INDEX complaints_received ON complaints(received_at, id);
        CREATE INDEX complaints_updated ON complaints(updated_at, id);
        CREATE INDEX complaints_tracking ON complaints(tracking_id) WHERE tracking_id IS NOT NULL;
        CREATE INDEX complaints_content_key ON complaints(content_key) WHERE content_key IS NOT NULL;
        CREATE INDEX complaints_undecided ON complaints(holder_agency) WHERE privacy_decided = 0 AND status NOT IN (3, 5);
        CREATE INDEX complaints_auto_close ON complaints(auto_close_at) WHERE auto_close_at IS NOT NULL;
        CREATE INDEX complaints_agency_undisposed ON complaints(holder_agency, due_key) WHERE holder_unit IS NULL;
        CREATE INDEX complaints_paused ON complaints(holder_agency, holder_unit, paused_at) WHERE status = 4;

        CREATE TABLE cc(
            unit TEXT NOT NULL,
            complaint_id INTEGER NOT NULL,
            PRIMARY KEY(unit, complaint_id)
        ) WITHOUT ROWID;

        -- Dashboard figures kept as projections: reports received per holder and week (Monday,
        -- local day number), and working days to first follow-up as a histogram per holder and week.
        CREATE TABLE weekly(
            agency TEXT NOT NULL,
            unit TEXT NOT NULL,
            week INTEGER NOT NULL,
            received INTEGER NOT NULL,
            PRIMARY KEY(agency, unit, week)
        ) WITHOUT ROWID;
        CREATE TABLE first_follow_up(
            agency TEXT NOT NULL,
            unit TEXT NOT NULL,
            week INTEGER NOT NULL,
            wd INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY(agency, unit, week, wd)
        ) WITHOUT ROWID;

        CREATE TABLE counts(
            agency TEXT NOT NULL,
            unit TEXT NOT NULL,
            status INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY(agency, unit, status)
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE complaints_fts USING fts5(
            title, body, content='complaint_search', content_rowid='id', columnsize=0,
            tokenize='unicode61 remove_diacritics 2'
        );
        """),
        // Who held a report before and holds it no longer: an agency that received or held it
        // (unit '') and no longer holds it, a unit that held it and no longer does. A list shows a
        // former holder what it passed away (`InboxScope`, the filter word `forwarded`) by this key
        // instead of reading states. Stores made before are filled in from each report's holder chain.
        (2, """
        CREATE TABLE holders_before(
            agency TEXT NOT NULL,
            unit TEXT NOT NULL,
            complaint_id INTEGER NOT NULL,
            PRIMARY KEY(agency, unit, complaint_id)
        ) WITHOUT ROWID;
        CREATE INDEX holders_before_complaint ON holders_before(complaint_id);
        INSERT OR IGNORE INTO holders_before(agency, unit, complaint_id)
            SELECT intake_agency, '', id FROM complaints WHERE intake_agency <> holder_agency;
        INSERT OR IGNORE INTO holders_before(agency, unit, complaint_id)
            SELECT json_extract(h.value, '$[0]'), '', c.id FROM complaints c JOIN complaint_texts t ON t.id = c.id, json_each(t.state, '$.h') h
            WHERE json_extract(h.value, '$[0]') <> c.holder_agency;
        INSERT OR IGNORE INTO holders_before(agency, unit, complaint_id)
            SELECT json_extract(h.value, '$[0]'), json_extract(h.value, '$[1]'), c.id FROM complaints c JOIN complaint_texts t ON t.id = c.id, json_each(t.state, '$.h') h
            WHERE json_extract(h.value, '$[1]') IS NOT NULL
              AND NOT (json_extract(h.value, '$[0]') = c.holder_agency AND json_extract(h.value, '$[1]') = coalesce(c.holder_unit, ''));
        """),
        // Text an operator typed and has not sent yet (a follow-up, a note, a reporter's reply),
        // kept per operator, report and kind until it is sent or discarded: outside the event
        // chain, never exported, read only by the operator who wrote it (Drafts.swift).
        (3, """
        CREATE TABLE IF NOT EXISTS drafts(
            operator TEXT NOT NULL,
            complaint_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            secret INTEGER NOT NULL,
            saved_at INTEGER NOT NULL,
            PRIMARY KEY(operator, complaint_id, kind)
        ) WITHOUT ROWID;
        """),
        // Who wrote the draft awaiting approval (the core's `Complaint.pendingDraft`), NULL when
        // none waits: the approver's Inbox tab and count read this column (and its partial index)
        // instead of each report's state. Stores made before are filled in from the state record
        // ("pd" is [version, at, drafter, …]; a quote right after the key never occurs in a string).
        (4, """
        ALTER TABLE complaints ADD COLUMN draft_by TEXT;
        UPDATE complaints SET draft_by = (SELECT json_extract(t.state, '$.pd[2]') FROM complaint_texts t WHERE t.id = complaints.id)
            WHERE id IN (SELECT id FROM complaint_texts WHERE instr(state, '"pd":[') > 0);
        CREATE INDEX complaints_drafts ON complaints(holder_agency, holder_unit) WHERE draft_by IS NOT NULL;
        """),
    ]

    /// The secondary indexes of `complaints`, which a bulk import into an empty store drops and
    /// rebuilds afterwards (a sorted build is several times faster than row-by-row upkeep).
    static let complaintIndexes: [String] = {
        migrations[0].sql.split(separator: "\n")
            .map { $0.trimmingCharacters() }
            .filter { $0.hasPrefix("CREATE INDEX complaints_") }
    }()
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f == " " { s.removeFirst() }
        while let l = s.last, l == " " { s.removeLast() }
        return String(s)
    }
}
