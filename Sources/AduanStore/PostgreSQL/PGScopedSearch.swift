import AduanCore

/// Text search by audience (schema 9, issue 14).
///
/// Row-level security keeps an operator from reading a text, but it cannot let the words' index be
/// used for them without letting the index look at every text first: PostgreSQL then counts, in
/// the operator's own session (`pg_stat_get_xact_*`, `EXPLAIN (ANALYZE, BUFFERS)`), rows the
/// operator may not read, and that spells out hidden words (session 7's review). So every text row
/// also carries its words once per reader's key (`Audience.tokens`, decided by the core), in
/// `scoped_words` under a GIN index of its own: each lexeme is the key's number in
/// `aduan.audience_keys`, ':', then the word (`scopedPrefix`; a number's prefix is never another's).
/// `aduan.search_texts` (a function that runs as the store's owner) asks the index only for
/// lexemes under the caller's own keys (`aduan.login_audiences`, written by the roles script from
/// `Audience.keys`), so the index never reaches an entry of a text the caller may not read: which
/// words exist, how many rows hold them, where they sit in the index, all of it is the caller's
/// own texts'. `PGSearchLeakTests` holds it to that; `PGScopedSearchTests` to finding exactly what
/// the policies let each login read.
extension PGSearch {
    /// At most this many bytes of a text row's scoped vector (PostgreSQL refuses a `tsvector` over
    /// 1 MiB): a long text's later words, past the budget, are not found by an operator's search.
    static let scopedBudget = 900_000

    /// What goes before a word under the key numbered `id`.
    public static func scopedPrefix(_ id: Int) -> String { "\(id):" }

    /// The words (first seen first) that go under every prefix: within `scopedBudget`, none whose
    /// lexeme would pass PostgreSQL's 2,046 bytes (such a word is not found by operators).
    /// Counted with the longest prefix a number can have (11 bytes), so the words kept do not
    /// depend on the numbers: a bulk load prepares them before it knows the numbers.
    static func scopedWords(keys count: Int, title: String, body: String) -> [(word: String, positions: [Int])] {
        guard count > 0 else { return [] }
        let prefix = 11
        var kept: [(word: String, positions: [Int])] = []
        var size = 8
        for w in entries(title: title, body: body) {
            let n = w.word.utf8.count
            if prefix + n > 2_046 { continue }
            let cost = count * (prefix + n + 8 + 2 * w.positions.count)
            if size + cost > scopedBudget { break }
            size += cost
            kept.append(w)
        }
        return kept
    }

    /// The scoped vector as a literal (the writer's statements): every kept word under every prefix.
    public static func scopedVector(prefixes: [String], title: String, body: String) -> String {
        let words = scopedWords(keys: prefixes.count, title: title, body: body)
        var out: [(word: String, positions: [Int])] = []
        out.reserveCapacity(words.count * prefixes.count)
        for w in words { for p in prefixes { out.append((p + w.word, w.positions)) } }
        return literal(out)
    }

    /// The scoped vector as a binary COPY field (the bulk load), in the server's order without
    /// comparing whole lexemes: no prefix is a prefix of another, so the lexemes go prefix by
    /// prefix in their order, each one's words in the words' order (`PGBulkTests` holds it to the
    /// literal's value).
    public static func appendBinaryScopedVector(prefixes: [String], title: String, body: String, to out: inout [UInt8]) {
        appendBinaryScopedVector(prefixes: prefixes, sortedWords: sortedScopedWords(keys: prefixes.count, title: title, body: body), to: &out)
    }

    /// `scopedWords` as bytes in the server's order (what a bulk load prepares ahead).
    public static func sortedScopedWords(keys count: Int, title: String, body: String) -> [(bytes: [UInt8], positions: [Int])] {
        var words = scopedWords(keys: count, title: title, body: body).map { (bytes: Array($0.word.utf8), positions: $0.positions) }
        words.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        return words
    }

    public static func appendBinaryScopedVector(prefixes: [String], sortedWords words: [(bytes: [UInt8], positions: [Int])], to out: inout [UInt8]) {
        let start = BinaryCopyWriter.openField(&out)
        let sorted = prefixes.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        BinaryCopyWriter.int32(Int32(words.count * sorted.count), &out)
        for p in sorted {
            for w in words {
                out.append(contentsOf: p)
                out.append(contentsOf: w.bytes)
                out.append(0)
                BinaryCopyWriter.int16(Int16(w.positions.count), &out)
                for q in w.positions { BinaryCopyWriter.int16(Int16(q), &out) }
            }
        }
        BinaryCopyWriter.closeField(start, &out)
    }
}

extension PGStore {
    /// The keys' numbers in `aduan.audience_keys`, numbering the new ones, in the caller's
    /// transaction. Remembered per connection; forgotten when the connection rolls back (a number
    /// it gave may be gone). Numbers are never reused, so a stale one finds nothing, never more.
    static func audienceIDs(_ keys: [String], on conn: PGConnection, cache: inout AudienceIDCache, numbering: Bool = true) throws -> [String: Int] {
        if cache.rollbacks != conn.rollbacks { cache = AudienceIDCache(rollbacks: conn.rollbacks) }
        let missing = Array(Set(keys.filter { cache.ids[$0] == nil })).sorted()
        if !missing.isEmpty {
            let list = PGValue.text(arrayLiteral(missing))
            var found = try conn.query("SELECT key, id FROM aduan.audience_keys WHERE key = ANY($1::text[])", [list])
            if found.rowCount < missing.count && numbering {
                try conn.query("INSERT INTO aduan.audience_keys(key) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (key) DO NOTHING", [list])
                found = try conn.query("SELECT key, id FROM aduan.audience_keys WHERE key = ANY($1::text[])", [list])
            }
            for i in 0..<found.rowCount {
                if let k = found.text(i, "key"), let id = found.int64(i, "id") { cache.ids[k] = Int(id) }
            }
        }
        var out: [String: Int] = [:]
        for k in keys {
            guard let id = cache.ids[k] else { throw PostgresError(sqlState: nil, message: "no number for a search key") }
            out[k] = id
        }
        return out
    }

    /// The prefixes of a text row's tokens (`numbering` false: a key without a number throws).
    func audiencePrefixes(_ tokens: [String], numbering: Bool = true) throws -> [String] {
        let ids = try Self.audienceIDs(tokens, on: conn, cache: &audienceCache, numbering: numbering)
        return tokens.map { PGSearch.scopedPrefix(ids[$0]!) }
    }
}

extension PGStore {
    /// Runs every search of `filter` through `aduan.search_texts` and returns what each found
    /// (the terms' array → the report numbers' array), for `PostgreSQLDialect.resolvedSearches`;
    /// nil when the filter searches nothing or the login has no keys. A search the connection ran
    /// in the last second is not run again (the tabs' counts of one filter ask for it once per
    /// tab); the list's statement still reads every report under the login's policies.
    static func resolvedSearches(_ filter: FilterExpression, on conn: PGConnection) throws -> [String: String]? {
        guard conn.searchByAudience else { return nil }
        let texts = filter.textTerms
        guard !texts.isEmpty else { return nil }
        let dialect = PostgreSQLDialect(searchByAudience: true)
        let now = PGConnection.monotonicSeconds()
        conn.searchMemo = conn.searchMemo.filter { now - $0.value.at < 1 }
        var out: [String: String] = [:]
        for raw in texts {
            let q = TextSearch.query(raw)
            if q.isEmpty { continue }
            let terms = dialect.textQuery(q)
            if out[terms] != nil { continue }
            if let kept = conn.searchMemo[terms] {
                out[terms] = kept.ids
                continue
            }
            let r = try conn.query("SELECT coalesce(array_agg(x ORDER BY x), '{}')::text AS ids FROM aduan.search_texts($1::text[]) x", [.text(terms)])
            let ids = r.text(0, "ids") ?? "{}"
            conn.searchMemo[terms] = (ids, now)
            out[terms] = ids
        }
        return out
    }
}

/// `PGStore.audienceIDs`' memory: key → number, and the connection's rollbacks when it was made.
struct AudienceIDCache {
    var rollbacks = 0
    var ids: [String: Int] = [:]
}

extension BinaryCopyWriter {
    /// A `text[]` as a binary COPY field (what `array_recv` reads): one dimension, no NULLs,
    /// element type `text` (OID 25); an empty array has no dimension.
    static func appendTextArray(_ items: [String], to out: inout [UInt8]) {
        let start = openField(&out)
        int32(items.isEmpty ? 0 : 1, &out)
        int32(0, &out)
        int32(25, &out)
        if !items.isEmpty {
            int32(Int32(items.count), &out)
            int32(1, &out)
            for s in items {
                int32(Int32(s.utf8.count), &out)
                out.append(contentsOf: s.utf8)
            }
        }
        closeField(start, &out)
    }
}

extension PGSchema {
    /// The migration's number.
    static let audienceVersion = 9

    /// Text rows get their readers' tokens (`audience`) and their words under each (`scoped_words`),
    /// filled by `fillAudiences` after this SQL (the index is built after the rows are filled); the
    /// words' index over every text row goes: nothing an operator runs may use it (row-level
    /// security does not let it, rightly), and the owner's rare searches read the rows.
    static let audienceMigration = #"""
        ALTER TABLE aduan.complaint_texts ADD COLUMN IF NOT EXISTS audience text[] NOT NULL DEFAULT '{}';
        ALTER TABLE aduan.complaint_texts ADD COLUMN IF NOT EXISTS scoped_words tsvector NOT NULL DEFAULT ''::tsvector;
        DROP INDEX IF EXISTS aduan.complaint_texts_words;
        -- No statistics of the words (a login's EXPLAIN would show estimates built from every
        -- row's words, readable or not); the search function does not need them.
        ALTER TABLE aduan.complaint_texts ALTER COLUMN words SET STATISTICS 0,
            ALTER COLUMN scoped_words SET STATISTICS 0, ALTER COLUMN audience SET STATISTICS 0;
        -- The scoped words are several times the words: compressed with lz4 where the server has
        -- it (a third less time than pglz writing them at 100,000), else as before.
        DO $lz4$
        BEGIN
            ALTER TABLE aduan.complaint_texts ALTER COLUMN scoped_words SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
            NULL;
        END
        $lz4$;
        -- Logins granted the whole table before (the roles script of schema 8) keep what they
        -- read, not the new columns: the roles script now grants the texts' columns by name.
        DO $grants$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                     WHERE table_schema = 'aduan' AND table_name = 'complaint_texts' AND privilege_type = 'SELECT'
                       AND grantee <> current_user LOOP
                EXECUTE format('REVOKE SELECT ON aduan.complaint_texts FROM %I', r.grantee);
                EXECUTE format('GRANT SELECT (id, masked, title, body, location, words) ON aduan.complaint_texts TO %I', r.grantee);
            END LOOP;
        END
        $grants$;
        -- Every key's number, what the scoped words carry before each word (the owner's only).
        CREATE TABLE IF NOT EXISTS aduan.audience_keys(
            id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            key text NOT NULL UNIQUE
        );
        REVOKE ALL ON aduan.audience_keys FROM PUBLIC;
        ALTER TABLE aduan.audience_keys ENABLE ROW LEVEL SECURITY;
        -- Each login's keys (Audience.keys of its hats), written by the roles script. The owner's
        -- only: the search function reads it for the login that calls it (session_user).
        CREATE TABLE IF NOT EXISTS aduan.login_audiences(
            login text PRIMARY KEY,
            keys text[] NOT NULL
        );
        REVOKE ALL ON aduan.login_audiences FROM PUBLIC;
        ALTER TABLE aduan.login_audiences ENABLE ROW LEVEL SECURITY;
        -- Has the calling login been given its keys (the roles script ran since the upgrade)?
        CREATE OR REPLACE FUNCTION aduan.search_ready() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
            SELECT EXISTS (SELECT 1 FROM aduan.login_audiences WHERE login = session_user)
        $fn$;
        -- The reports with a text the calling login may read that holds every term (a term: words
        -- separated by one space, a phrase whose last word is a prefix). The index is asked for
        -- the caller's own keys' lexemes only (PGScopedSearch.swift): the key's number, ':', the
        -- word. At most 64 words in all, so the query's size depends on
        -- the caller's keys and words only, and no error on what hidden rows hold. The function's
        -- own settings keep the caller's from changing how it reads (the words' index, an exact
        -- bitmap), and its plan is made without the words (a plan costed for the words looked at
        -- other keys' entries: a word only hidden texts hold was read another way than a word no
        -- text holds); without JIT, which the disabled scans' cost would otherwise start (40 ms a call).
        CREATE OR REPLACE FUNCTION aduan.search_texts(terms text[]) RETURNS SETOF bigint
        LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp SET enable_seqscan = off SET enable_indexscan = off
        SET plan_cache_mode = force_generic_plan SET work_mem = '64MB'
        SET standard_conforming_strings = on SET jit = off AS $fn$
        DECLARE
            k text[];
            term text;
            ws text[];
            key text;
            prefix text;
            i int;
            total int := 0;
            lexes text[];
            alts text[];
            parts text[] := '{}';
        BEGIN
            SELECT array_agg(n.id::text ORDER BY n.id) INTO k
            FROM aduan.login_audiences a JOIN aduan.audience_keys n ON n.key = ANY(a.keys) WHERE a.login = session_user;
            IF k IS NULL OR cardinality(k) = 0 OR coalesce(cardinality(terms), 0) = 0 THEN
                RETURN;
            END IF;
            FOREACH term IN ARRAY terms LOOP
                ws := array_remove(string_to_array(term, ' '), '');
                total := total + coalesce(cardinality(ws), 0);
                IF coalesce(cardinality(ws), 0) = 0 OR total > 64 THEN
                    RAISE EXCEPTION 'a search has 1 to 64 words in each term and at most 64 in all' USING ERRCODE = '54000';
                END IF;
                alts := '{}';
                FOREACH key IN ARRAY k LOOP
                    prefix := key || ':';
                    lexes := '{}';
                    FOR i IN 1 .. cardinality(ws) LOOP
                        lexes := lexes || ('''' || replace(replace(prefix || ws[i], E'\\', E'\\\\'), '''', '''''') || ''''
                                           || CASE WHEN i = cardinality(ws) THEN ':*' ELSE '' END);
                    END LOOP;
                    alts := alts || ('(' || array_to_string(lexes, ' <-> ') || ')');
                END LOOP;
                parts := parts || ('(' || array_to_string(alts, ' | ') || ')');
            END LOOP;
            RETURN QUERY SELECT DISTINCT t.id FROM aduan.complaint_texts t WHERE t.scoped_words @@ array_to_string(parts, ' & ')::tsquery;
        END
        $fn$;
        GRANT EXECUTE ON FUNCTION aduan.search_ready(), aduan.search_texts(text[]) TO PUBLIC;
        """#

    /// The scoped words' index (built after the rows are filled, and by a bulk load at its end).
    static let scopedIndex = "CREATE INDEX IF NOT EXISTS complaint_texts_scoped ON aduan.complaint_texts USING gin(scoped_words) WITH (fastupdate = off)"

    /// Version 9 on a store that holds reports: every text row's tokens and scoped words, from
    /// the report's state (its holders, copies and flags) and the row's own texts, a page of
    /// reports at a time; then the index.
    static func fillAudiences(_ conn: PGConnection) throws {
        try conn.execute("CREATE TEMP TABLE audience_fill(id bigint, masked boolean, audience text[], scoped_words tsvector) ON COMMIT DROP")
        var last: Int64 = 0
        var cache = AudienceIDCache(rollbacks: conn.rollbacks)
        while true {
            let page = try conn.query("SELECT max(id) AS m FROM (SELECT id FROM aduan.complaints WHERE id > $1 ORDER BY id LIMIT 2000) p", [.int(last)])
            guard let end = page.int64(0, "m") else { break }
            let r = try conn.query("""
                SELECT c.id, c.state, c.intake_agency, c.anonymous, c.confidential, c.holder_agency, c.holder_unit, t.masked, t.title, t.body
                FROM aduan.complaints c JOIN aduan.complaint_texts t ON t.id = c.id
                WHERE c.id > $1 AND c.id <= $2 ORDER BY c.id, t.masked
                """, [.int(last), .int(end)])
            last = end
            var rows: [[PGValue]] = []
            var decoded: (id: Int64, c: Complaint)?
            for i in 0..<r.rowCount {
                guard let id = r.int64(i, "id"), let state = r.text(i, "state") else { continue }
                if decoded?.id != id {
                    // What the tokens read: the state's holder chain and copies, the row's columns.
                    var c = Complaint(id: id, intake: Intake(title: "", body: "", agency: r.text(i, "intake_agency") ?? ""),
                                      at: Timestamp(seconds: 0), actor: .system)
                    guard StateCodec.decode(state, into: &c) else {
                        throw PostgresError(sqlState: nil, message: "report #\(id) has a damaged state record; nothing was changed")
                    }
                    c.anonymous = r.bool(i, "anonymous") ?? true
                    c.confidential = r.bool(i, "confidential") ?? true
                    c.holder = Holder(agency: r.text(i, "holder_agency") ?? "", unit: r.text(i, "holder_unit"))
                    decoded = (id, c)
                }
                let masked = r.bool(i, "masked") ?? true
                let tokens = Audience.tokens(of: decoded!.c, masked: masked)
                let ids = try PGStore.audienceIDs(tokens, on: conn, cache: &cache)
                rows.append([.int(id), .bool(masked), .text(PGStore.arrayLiteral(tokens)),
                             .text(PGSearch.scopedVector(prefixes: tokens.map { PGSearch.scopedPrefix(ids[$0]!) },
                                                         title: r.text(i, "title") ?? "", body: r.text(i, "body") ?? ""))])
            }
            try conn.copyIn("COPY audience_fill(id, masked, audience, scoped_words) FROM STDIN", rows)
        }
        try conn.execute("""
            UPDATE aduan.complaint_texts t SET audience = f.audience, scoped_words = f.scoped_words
            FROM audience_fill f WHERE f.id = t.id AND f.masked = t.masked
            """)
        try conn.execute(scopedIndex)
    }
}

extension PGOperatorStore {
    /// Does the store keep search keys for the connection's login? Not on a store older than
    /// schema 9, nor before its owner ran the roles script since upgrading: the login then
    /// searches its texts under row-level security, as before (slower, never more).
    public static func searchesByAudience(_ conn: PGConnection) throws(PostgresError) -> Bool {
        guard try conn.query("SELECT to_regprocedure('aduan.search_ready()') IS NOT NULL AS f").bool(0, "f") == true else { return false }
        return try conn.query("SELECT aduan.search_ready() AS ready").bool(0, "ready") == true
    }
}
