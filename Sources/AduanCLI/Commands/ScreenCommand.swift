import AduanCore
import AduanStore

/// `aduan` without a command: the screen. (Placeholder until the screen lands: prints the inbox.)
enum ScreenCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        if s.usesDemoStore && !Files.exists(s.storePath) {
            let store = try s.openStore(create: true)
            _ = try DemoCommand.generate(into: store, config: s.config, count: DemoCommand.defaultCount, seed: 1,
                                         now: try Platform.now(), progressLabel: s.language == .en ? "creating the demo store" : "membuat penyimpanan demo")
        }
        return try ListCommand.run(s)
    }
}
