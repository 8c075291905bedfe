/// `aduan-stress --help`.
enum Help {
    static let text = """
    Usage: aduan-stress kill [options]        crash safety: SIGKILL a writer at random moments
           aduan-stress import-kill [options] all-or-nothing imports: SIGKILL `aduan import` at random moments
           aduan-stress operators [options]   concurrent operators on the same hot reports

    Stress tests for an Aduan store, run against a fresh store in a new folder (removed after a
    passing run, kept after a failure). Exit status: 0 every check passed, 1 a check failed
    (the lost actions, verify problems or errors are printed), 2 usage or environment error.

    kill: round after round, a writer takes random valid workflow actions (chosen from the
    workflow's available actions) and reports each one on a pipe only after its commit returned;
    the parent kills it with SIGKILL after a random delay. After every kill the store must open,
    verify must be clean, and every action reported done (in any round so far) must be in the
    event log. Every --cli-every'th round the writer acts through the real `aduan act` binary,
    killed in the middle of its own work.
      --kills N               kills to survive (default 1000)
      --complaints N          reports in the store before the first round (default 200)
      --max-complaints N      the writers receive new reports up to this many (default 2000)
      --max-delay-ms N        longest delay before a kill (default 200; a tenth of the kills come in 0–10 ms)
      --cli-every N           every Nth round uses `aduan act` (default 10; 0 = never)
      --aduan-verify-every N  also run `aduan verify` every N kills and at the end (default 100)
      --fault report-before-commit
                              self-check of the harness: the in-process writer reports each action
                              before committing it, so the run must FAIL with lost actions

    import-kill: round after round, the real `aduan import` of a generated CSV is killed with
    SIGKILL at a random moment (checking, writing, indexing, or after it finished), on a fresh copy
    of an empty store or of one holding --complaints reports. After every kill the store must open,
    verify clean, hold none or all of the file's rows (never a part) with a search index that finds
    exactly those, and importing the file again must leave every row exactly once. Every
    --twin-every'th round a second `aduan import` of the same file runs alongside, unkilled: it
    must wait and complete the file, or be refused in words.
      --kills N               rounds (default 100)
      --rows N                rows in the file (default 5000)
      --complaints N          reports in the non-empty starting store (default 40)
      --max-delay-ms N        longest delay before a kill (default: 1.2 × an unkilled import)
      --twin-every N          every Nth round adds a second import (default 4; 0 = never)
      --aduan-verify-every N  also run `aduan verify` every N rounds (default 10)

    operators: --processes operator processes act at once for --seconds, mostly on the same
    --hot reports, each action naming the version it was decided on (--expect-version). Checks:
    no crash, no "database is locked" reaching an operator, every conflict refused with the
    conflict message, every committed action in the log exactly once, verify clean.
      --processes N           operator processes (default 4)
      --seconds N             how long they work (default 60)
      --hot N                 hot reports everyone works on (default 20)
      --cli-processes N       how many of them act through the real `aduan act` (default 1)
      --think-ms N            longest pause between reading a report and acting (default 5)

    PostgreSQL (issue 14): `kill` and `operators` with --store postgresql://… (or postgres:///DB?host=…)
    run against that database, which must hold no aduan schema; its role must be allowed to create
    one and to create roles (CREATEROLE). `aduan init` makes the store, every operator process
    connects as its own role (<tag>_op1, … bound to every operator; the cluster must let them in
    through the same location: trust/peer on the socket, or a passfile), and `aduan serve` is the
    writer. kill: --processes operators (default 4) submit actions while `aduan serve` is killed
    with SIGKILL after up to --max-delay-ms (default 1000), --kills times (default 100); after every
    kill nothing acknowledged may be missing, every done command has exactly its event, verify is
    clean. operators: as above, with one writer throughout; --cli-processes is not used. A passing
    run drops the schema and its roles.

    Common options:
      --seed N                decisions are repeatable with the same seed (default: the time)
      --dir PATH              work in this folder (created if missing; must hold no aduan.db)
      --keep                  keep the folder and store after a passing run
      --aduan PATH            the aduan binary (default: the one next to aduan-stress)
      -h, --help              this help
    ADUAN_BUSY_TIMEOUT_MS is passed on to the aduan processes.

    Examples:
      swift build -c release
      .build/release/aduan-stress kill --kills 1000
      .build/release/aduan-stress operators --processes 4 --seconds 60
      .build/release/aduan-stress import-kill --kills 100 --rows 20000
      .build/debug/aduan-stress kill --kills 30 --complaints 40 --seed 7
      .build/debug/aduan-stress operators --processes 4 --seconds 5 --cli-processes 2
      .build/release/aduan-stress operators --store 'postgres:///stress?host=/run/postgresql' --seconds 60
      .build/release/aduan-stress kill --store 'postgres:///stress?host=/run/postgresql' --kills 100

    """
}
