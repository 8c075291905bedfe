import AduanToolSupport
import Glibc

/// Where things are: the binaries, the work folder, and the environment every child gets.
struct BenchEnvironment {
    let aduan: String
    let sqlite3: String?
    let work: String
    /// A private HOME with empty config and data folders, so a user's own config cannot change
    /// what is measured (the built-in config, config.example.json, applies).
    let home: String

    /// A fixed "now": stores made on different days are the same, and deadlines read the same.
    static let now = "2026-11-23T09:00:00+07:00"

    var baseEnvironment: [String] {
        ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=\(home)", "LANG=C.UTF-8", "XDG_CONFIG_HOME=\(home)/config",
         "XDG_DATA_HOME=\(home)/data", "ADUAN_NOW=\(Self.now)"]
    }

    func scratch(_ name: String) -> String { "\(home)/\(name)" }

    /// Finds the binaries and prepares the work folder; exit-2 problems are returned as errors.
    static func prepare(_ o: Options) -> Result<BenchEnvironment, BenchError> {
        let aduan: String
        if let given = o.aduan {
            aduan = FileSystem.absolute(given)
        } else if let me = FileSystem.ownExecutable(), let slash = me.lastIndex(of: "/") {
            aduan = String(me[..<slash]) + "/aduan"
        } else {
            return .failure(.environment("cannot find this program's folder; pass --aduan PATH"))
        }
        guard FileSystem.isExecutable(aduan) else {
            return .failure(.environment("\(aduan): no aduan binary there; build it (swift build -c release) or pass --aduan PATH"))
        }
        var sqlite3: String?
        if let given = o.sqlite3 {
            guard FileSystem.isExecutable(given) else { return .failure(.environment("--sqlite3 \(given): not an executable")) }
            sqlite3 = FileSystem.absolute(given)
        } else {
            sqlite3 = FileSystem.onPath("sqlite3")
        }
        let work: String
        if let w = o.work {
            work = FileSystem.absolute(w)
            guard makeDirectories(work), access(work, W_OK) == 0 else {
                return .failure(.environment("--work \(w): cannot create or write that folder"))
            }
        } else {
            guard let t = FileSystem.makeTemporaryDirectory("aduan-bench") else { return .failure(.environment("cannot create a folder under /tmp")) }
            work = t
        }
        let home = work + "/home"
        guard makeDirectories(home + "/config"), makeDirectories(home + "/data") else {
            return .failure(.environment("cannot create \(home)"))
        }
        return .success(BenchEnvironment(aduan: aduan, sqlite3: sqlite3, work: work, home: home))
    }
}
