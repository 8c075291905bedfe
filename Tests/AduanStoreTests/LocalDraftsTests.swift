import AduanCore
import AduanStore
import Glibc
import Testing

/// Drafts kept on the desk's machine for a PostgreSQL store (`LocalDrafts`): only the operator
/// who wrote one reads it, per store, in a file only its account can read, across restarts.
@Suite struct LocalDraftsTests {
    static let andi = Actor(id: "tl-dinkes", name: "Andi", role: .liaison, agency: "pemkab", unit: "dinkes")
    static let budi = Actor(id: "tl-pupr", name: "Budi", role: .liaison, agency: "pemkab", unit: "pupr")

    @Test func aDraftIsReadOnlyByItsOperatorForItsStoreAndOutlivesARestart() throws {
        let dir = "/tmp/aduan-local-drafts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(dir, 0o700)
        defer { unlink(dir + "/drafts.db"); rmdir(dir) }
        let path = dir + "/drafts.db"
        let store = "postgresql://andi@db/aduan"
        do {
            let drafts = try LocalDrafts(path: path, location: store)
            try drafts.save(Draft(complaintID: 7, kind: .followUp, text: "Petugas sudah ditegur.", secret: true, savedAt: Timestamp(seconds: 100)), by: Self.andi)
        }
        var st = stat()
        #expect(stat(path, &st) == 0 && st.st_mode & 0o777 == 0o600, "the file is the account's alone")
        let again = try LocalDrafts(path: path, location: store)
        let d = try again.draft(of: 7, kind: .followUp, by: Self.andi)
        #expect(d?.text == "Petugas sudah ditegur." && d?.secret == true && d?.savedAt.seconds == 100)
        #expect(try again.draft(of: 7, kind: .followUp, by: Self.budi) == nil, "another operator reads nothing")
        #expect(try again.draft(of: 7, kind: .note, by: Self.andi) == nil, "another kind is another draft")
        #expect(try LocalDrafts(path: path, location: "postgresql://andi@other/aduan").draft(of: 7, kind: .followUp, by: Self.andi) == nil,
                "another store's report 7 is another report")
        try again.save(Draft(complaintID: 7, kind: .followUp, text: "  ", savedAt: Timestamp(seconds: 200)), by: Self.andi)
        #expect(try again.draft(of: 7, kind: .followUp, by: Self.andi) == nil, "an empty text discards the draft")
        try again.save(Draft(complaintID: 7, kind: .followUp, text: "Lagi.", savedAt: Timestamp(seconds: 300)), by: Self.andi)
        try again.discard(of: 7, kind: .followUp, by: Self.andi)
        #expect(try again.draft(of: 7, kind: .followUp, by: Self.andi) == nil)
    }
}
