import AduanCore

/// Runs the real `aduan act` for a planned action, so the command line an operator uses (its
/// argument parsing, its store opening, its messages and exit codes) is what gets exercised.
struct AduanAct {
    let binary: String
    let store: String
    let configFile: String
    let environment: [String]
    /// Prefix for the files that catch the child's stdout and stderr.
    let scratch: String

    enum Outcome {
        case done(id: Int64, version: Int)
        /// Refused because the report changed since the version the action was decided on.
        case conflict(message: String)
        /// Refused by the workflow (exit 1, not a conflict).
        case refused(message: String)
        /// "database is locked" reached the operator.
        case locked(message: String)
        /// Anything else: a crash, exit 2, unreadable output.
        case failed(String)
    }

    func act(on id: Int64, _ planned: PlannedAction, expectedVersion: Int, lifeline: Int32? = nil) -> Outcome {
        run([String(id)] + Planner.cliArguments(planned.command) + ["--expect-version", String(expectedVersion)],
            as: planned.actor, lifeline: lifeline)
    }

    func receive(_ intake: Intake, as actor: Actor, lifeline: Int32? = nil) -> Outcome {
        run(["new", "receive", "--title", intake.title, "--body", intake.body, "--channel", intake.channel.rawValue,
             "--category", intake.category.path, "--location", intake.location], as: actor, lifeline: lifeline)
    }

    private func run(_ actArgs: [String], as actor: Actor, lifeline: Int32?) -> Outcome {
        let out = scratch + ".out", err = scratch + ".err"
        let args = ["act"] + actArgs + ["--as", actor.id, "--store", store, "--config", configFile, "--lang", "en"]
        let child: Child
        do {
            child = try Child(program: binary, args: args, env: environment, stdout: .file(out), stderr: err,
                              extraFD: lifeline, newGroup: false)
        } catch {
            return .failed(error.message)
        }
        let status = child.wait()
        let stdout = String(decoding: readWholeFile(out), as: UTF8.self)
        // Notes and warnings said at open (a store without an office record, a clock behind the
        // store) come before the command's own message: judge that message.
        let stderr = messageLines(String(decoding: readWholeFile(err), as: UTF8.self))
        let shown = "aduan " + args.prefix(3).joined(separator: " ") + "…"
        guard let code = exitedNormally(status) else {
            return .failed("\(shown) \(describeStatus(status)): \(firstLine(stderr))")
        }
        if Self.isLockedMessage(stderr) { return .locked(message: firstLine(stderr)) }
        switch code {
        case 0:
            guard let id = Self.number(after: "#", in: stdout), let version = Self.number(after: "version ", in: stdout) else {
                return .failed("\(shown) exit 0 but no \"#id … version N\" in its output: \(firstLine(stdout))")
            }
            return .done(id: id, version: Int(version))
        case 1:
            return Self.isConflictMessage(stderr) ? .conflict(message: firstLine(stderr)) : .refused(message: firstLine(stderr))
        default:
            return .failed("\(shown) exit \(code): \(firstLine(stderr))")
        }
    }

    /// The operator-facing conflict sentence (StoreError.conflict, in English): it must say that
    /// the report changed (and by whom, when the operator may see that change) and that nothing
    /// was written.
    static func isConflictMessage(_ text: String) -> Bool {
        text.contains("was changed") && text.contains("Nothing was written")
    }

    /// SQLite's busy/locked error, raw or as Aduan words it.
    static func isLockedMessage(_ text: String) -> Bool {
        let t = text.lowercased()
        return t.contains("database is locked") || t.contains("store is busy") || t.contains("sqlite_busy")
            || t.contains("(busy)") || t.contains("(locked)")
    }

    /// The digits right after the first `marker`.
    static func number(after marker: String, in text: String) -> Int64? {
        guard let r = text.firstRange(of: marker) else { return nil }
        let digits = text[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int64(digits)
    }
}

/// `s` without the lines `aduan` says at open before a command's own message ("note: …",
/// "warning: …").
func messageLines(_ s: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: true)
        .filter { !$0.hasPrefix("note: ") && !$0.hasPrefix("warning: ") && !$0.hasPrefix("aduan: note: ") && !$0.hasPrefix("aduan: warning: ") }
        .joined(separator: "\n")
}

func firstLine(_ s: String) -> String {
    String(s.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
}
