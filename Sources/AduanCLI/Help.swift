import AduanCore

/// One command's help: what it does, how to call it, and examples.
struct CommandHelp {
    var usage: String
    var summary: String
    var details: String
    var examples: [String]
}

/// The help of every command, in Indonesian and English (an exhaustive switch per language,
/// so neither language can lack a command).
enum HelpText {
    static func of(_ c: CommandName, _ lang: Language) -> CommandHelp {
        lang == .en ? english(c) : indonesian(c)
    }

    static func indonesian(_ c: CommandName) -> CommandHelp {
        switch c {
        case .screen:
            return CommandHelp(usage: "aduan [--store PATH] [--config PATH] [--as OPERATOR] [--lang id|en] [--demo] [PERINTAH]",
                               summary: "Meja kerja operator SP4N-LAPOR!: kotak masuk, detail, tenggat dan dasbor di terminal.",
                               details: """
                               Tanpa perintah, Aduan membuka layar. Perintah:
                                 init          buat penyimpanan kosong
                                 demo          tambahkan laporan contoh yang realistis
                                 import        impor laporan dari CSV, JSON atau Open311
                                 export        ekspor laporan (CSV, JSON, Open311)
                                 list          satu baris per laporan, untuk skrip
                                 show          satu laporan dengan seluruh riwayatnya
                                 act           lakukan aksi alur kerja tanpa layar
                                 verify        periksa keutuhan penyimpanan dan rantai hash
                                 backup        salin penyimpanan selagi dipakai
                                 anchor        catat kepala rantai hash di berkas jangkar (di luar penyimpanan)
                                 calendar      hitung tenggat hari kerja, daftar hari libur
                                 report        angka untuk pengawas (teks, CSV, JSON)
                                 auto-close    tutup laporan yang masa tutup otomatisnya habis tanpa tanggapan
                                 sweep         selesai otomatis, lalu catat peringatan dan eskalasi yang jatuh waktu (cron)
                                 office        data kantor di penyimpanan: show, apply BERKAS (admin), roles
                                 help          bantuan; `aduan help workflow`, `aduan help filter`
                               Kode keluar: 0 berhasil; 1 ditolak atau data tidak sah; 2 salah pakai atau masalah lingkungan.
                               Operator: yang terikat ke akun Unix Anda ("logins" di direktori kantor); --as memilih di antara operator Anda sendiri. Penyimpanan pelatihan (--demo, aduan demo, aduan init --training) membolehkan --as siapa saja dan bertanda PELATIHAN.
                               ADUAN_NOW (ISO 8601 dengan zona) membekukan jam, hanya pada penyimpanan pelatihan (dan pengujian); pada penyimpanan kantor ditolak.
                               """,
                               examples: ["aduan --demo", "aduan --as tl-dinkes", "aduan list status:proses overdue", "aduan help act"])
        case .`init`:
            return CommandHelp(usage: "aduan init [--office BERKAS] [--training] [--store PATH]",
                               summary: "Membuat penyimpanan kosong (mode 0600) dengan data kantornya (direktori, operator, kalender, tenggat, alur, templat).",
                               details: "--office BERKAS: data kantor dari berkas itu (config.example.json adalah contohnya); tanpa itu dari konfigurasi yang dipakai (bawaan: contoh). Penyimpanan yang sudah ada ditolak dengan --office (ubah dengan `aduan office apply`), dan dibiarkan tanpa itu. --training membuat penyimpanan pelatihan (tanda tetap, dibuat sekali): --as siapa saja, ADUAN_NOW berlaku, semua keluaran bertanda PELATIHAN; penyimpanan kantor tidak bisa dijadikan pelatihan.",
                               examples: ["aduan init --office kantor.json --store /srv/aduan/kabupaten.db", "aduan init", "aduan init --training --store /tmp/latihan.db"])
        case .demo:
            return CommandHelp(usage: "aduan demo [--count N] [--seed S] [--store PATH]",
                               summary: "Menambahkan N laporan contoh dengan riwayat lengkap (bawaan 5.000).",
                               details: "Laporan tentang jalan rusak, KTP-el, bansos, PPDB, sampah, PDAM, puskesmas, perizinan … di kecamatan dan OPD Kabupaten Sukamaju, dengan campuran status LAPOR! (Selesai ±78%) dan laporan terlambat. Hasil sama untuk seed yang sama.",
                               examples: ["aduan demo", "aduan demo --count 1000000 --seed 7 --store /tmp/besar.db"])
        case .`import`:
            return CommandHelp(usage: "aduan import FILE [--format csv|json|open311] [--skip-invalid] [--dry-run]",
                               summary: "Mengimpor laporan. Semua baris diperiksa dulu; tidak ada yang ditulis bila ada satu yang salah.",
                               details: "Format ditebak dari akhiran berkas. CSV: UTF-8 (BOM boleh), baris judul, kolom seperti hasil `aduan export`. JSON: larik objek seperti `aduan export --format json` (dengan riwayat `events` bila ada). Open311: larik service_request GeoReport v2. Setiap laporan impor dicatat sebagai satu peristiwa impor oleh operator dan akun yang mengimpor (nama berkas, sha256, status sumber); riwayat sumber disimpan sebagai kutipan (\"menurut sumber: …\"), tidak pernah sebagai tindakan operator kantor ini. Admin hanya mengimpor ke kotak masuk instansinya sendiri: baris yang pemegangnya instansi lain ditolak. Impor ulang tidak menambah apa pun (dicocokkan lewat No. LAPOR!, atau kunci isi bila tidak ada). --skip-invalid mengimpor baris yang sah dan mendaftar sisanya. --dry-run hanya memeriksa. Pada penyimpanan PostgreSQL (--store postgresql://…) hanya pemilik penyimpanan yang mengimpor (role yang menjalankan `aduan init`; role operator ditolak), sebagai sistem, sehingga setiap baris menyebut instansinya; semuanya masuk lewat COPY dalam satu transaksi, dan waktu kejadian adalah waktu server.",
                               examples: ["aduan import laporan-2026.csv", "aduan import ekspor.json --dry-run", "aduan import data.csv --skip-invalid"])
        case .export:
            return CommandHelp(usage: "aduan export [--format csv|json|open311|xlsx] [--out FILE] [--order deadline|received|updated|oldest] [--header en|id] [SARINGAN]",
                               summary: "Mengekspor laporan yang boleh Anda lihat, dengan saringan yang sama seperti layar.",
                               details: "CSV: UTF-8 dengan BOM, kutip RFC 4180, baris judul; sel yang diawali = + - @ diberi tanda kutip tunggal agar tidak dijalankan sebagai rumus. JSON: larik objek dengan riwayat `events`. Open311: hanya laporan yang tidak rahasia, tanpa identitas pelapor dan tanpa tindak lanjut rahasia. Identitas pelapor kosong (null) bila peran Anda tidak boleh melihatnya. CSV dengan --header id: nama kolom bahasa Indonesia, ya/tidak, dan nama status seperti LAPOR! (Belum Terverifikasi …); `aduan import` membacanya kembali. xlsx (perlu --out): kolom dan privasi sama dengan CSV, baris judul tebal yang dibekukan dengan saringan otomatis, tanggal sebagai tanggal spreadsheet dalam zona waktu kantor, ya/tidak, teks selalu teks (tidak pernah rumus). --order: urutan baris (bawaan: tenggat).",
                               examples: ["aduan export --out semua.csv", "aduan export --format xlsx --out laporan.xlsx status:proses", "aduan export --format json status:proses", "aduan export --header id --out lapor.csv", "aduan export --format open311 --out publik.json"])
        case .list:
            return CommandHelp(usage: "aduan list [SARINGAN] [--order deadline|received|updated|oldest] [--limit N] [--header id|en]",
                               summary: "Satu baris per laporan (dipisah tab), 7 kolom: " + AduanCore.strings(.id).listColumns.joined(separator: ", ") + ". --header id|en menulis baris judul kolom dulu.",
                               details: "Saringan memakai bahasa saringan Aduan (lihat `aduan help filter`). Teks dari publik ditampilkan aman (karakter kendali jadi simbol terlihat).",
                               examples: ["aduan list", "aduan list status:bd overdue", "aduan list unit:dinkes \"jalan rusak\" --limit 20"])
        case .show:
            return CommandHelp(usage: "aduan show ID",
                               summary: "Menampilkan satu laporan dengan seluruh riwayatnya.",
                               details: "ID adalah nomor lokal (#12) atau No. LAPOR! (7 digit atau lebih). Identitas pelapor disembunyikan bila peran Anda tidak boleh melihatnya.",
                               examples: ["aduan show 12", "aduan show 4512345 --as tl-dinkes"])
        case .act:
            return CommandHelp(usage: "aduan act ID AKSI [opsi]   |   aduan act new receive --title … [opsi]",
                               summary: "Melakukan satu aksi alur kerja tanpa layar, atas nama operator (--as).",
                               details: """
                               Aksi: verify (--unit), classify (--classification --category --anonymous --confidential --title --priority; --anonymous no memerlukan --reason), redispose (--unit --reason), forward (--agency [--unit] --reason; dari Belum Terverifikasi juga --anonymous dan --confidential bila belum diputuskan), cc (--unit), postpone (--reason), resume, archive (--code spam|unclear|too-general|not-public-service|duplicate|other [--reason]), follow-up (--text atau --text-file, --secret), note (--text), reply (--text [--written-at WAKTU: kapan pelapor menulis, disimpan sebagai data, bukan waktu kejadian]), rate (--rating 1-5 [--written-at WAKTU]), close, reopen (--reason), link-duplicate (--duplicate-of ID), pass-down (--unit UNIT-DI-BAWAH [--reason]), return (--reason [--unit UNIT-DI-ATAS]), draft (--text atau --text-file, --secret), approve, return-draft (--text), receive (laporan baru: --title --body --channel --classification --category --location --incident-date --tracking --reporter-name --reporter-phone --reporter-email --reporter-nik --anonymous --confidential).
                               --expect-version N menolak aksi bila laporan sudah berubah sejak versi N. Aksi yang ditolak keluar dengan kode 1 dan alasannya.
                               """,
                               examples: ["aduan act 12 verify --unit dinkes", "aduan act 12 forward --agency pemprov-jatim --reason \"Jalan provinsi\"",
                                          "aduan act 12 follow-up --text-file balasan.txt --as tl-dinkes", "aduan act new receive --title \"Lampu jalan mati\" --body \"…\" --channel sms1708"])
        case .verify:
            return CommandHelp(usage: "aduan verify [--anchors FILE] [--key FILE]",
                               summary: "Memeriksa penyimpanan: integritas SQLite, rantai hash peristiwa, dan pemutaran ulang setiap riwayat dibandingkan proyeksinya.",
                               details: """
                               Melaporkan setiap perbedaan beserta nomor laporan, lalu mencetak kepala rantai (jumlah peristiwa dan hash sha256) untuk disalin ke laporan.
                               --anchors FILE memeriksa bahwa rantai masih melanjutkan setiap kepala yang dijangkarkan (`aduan anchor`): penulisan ulang riwayat yang di-hash ulang, atau penyimpanan yang mundur (berkas -wal hilang, salinan lama dipasang kembali), dilaporkan dengan baris jangkar yang dilanggarnya. Tanda tangan diperiksa dengan kunci publik KEY.pub (bawaan: anchor-key di folder berkas jangkar; --key FILE). Tanpa --anchors, berkas jangkar bawaan penyimpanan ini diperiksa bila ada.
                               Keluar 0 bila bersih, 1 bila ada masalah.
                               """,
                               examples: ["aduan verify", "aduan verify --store cadangan.db", "aduan verify --anchors /media/usb/aduan.anchors"])
        case .anchor:
            return CommandHelp(usage: "aduan anchor [--anchors FILE] [--key FILE]",
                               summary: "Menambahkan kepala rantai hash saat ini (jumlah peristiwa, hash, waktu) sebagai satu baris bertanda tangan di berkas jangkar di luar penyimpanan.",
                               details: """
                               Bawaan FILE: $XDG_DATA_HOME/aduan/anchors/<nama penyimpanan>-<id>.anchors. Berkas baru dibuat dengan mode 0600; berkas yang ada harus berkas biasa yang hanya dapat ditulis pemiliknya.
                               Baris: aduan-anchor v1 JUMLAH HASH WAKTU PENYIMPANAN ed25519=KUNCI-PUBLIK:TANDA-TANGAN. Kunci Ed25519 kantor (bawaan: anchor-key di folder yang sama, --key FILE) dibuat saat pertama dengan mode 0600; kunci publiknya ditulis ke KEY.pub dan dicetak: simpan di catatan pengawas.
                               Ditolak bila rantai rusak atau tidak lagi melanjutkan jangkar yang ada. Salin berkas jangkar (atau kepala yang dicetak `verify`) ke tempat lain: jangkar hanya melindungi sejauh penulis penyimpanan tidak dapat mengubahnya.
                               """,
                               examples: ["aduan anchor", "aduan anchor --anchors /media/usb/aduan.anchors", "aduan verify --anchors /media/usb/aduan.anchors"])
        case .backup:
            return CommandHelp(usage: "aduan backup DEST",
                               summary: "Menyalin penyimpanan ke DEST dengan API backup SQLite, aman selagi operator lain bekerja.",
                               details: "DEST tidak boleh sudah ada. Salinan dibuat dengan mode 0600.",
                               examples: ["aduan backup /media/usb/aduan-2026-11-23.db"])
        case .calendar:
            return CommandHelp(usage: "aduan calendar due DATE N [--calendar-days]   |   aduan calendar holidays YEAR",
                               summary: "Kalender hari kerja kantor ini.",
                               details: "`due`: akhir (23.59.59 waktu setempat) hari kerja ke-N setelah DATE (ISO 8601), ditulis ISO 8601. `holidays`: libur nasional, cuti bersama dan libur daerah setahun.",
                               examples: ["aduan calendar due 2026-03-17T10:00:00+07:00 3", "aduan calendar due 2026-12-23 5", "aduan calendar holidays 2026"])
        case .report:
            return CommandHelp(usage: "aduan report [--format text|csv|json] [--wide] [--header en|id]   |   aduan report --format xlsx --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
                               summary: "Angka pengawas: jumlah per status × unit, terlambat per unit, % Selesai, median hari kerja sampai TL pertama, laporan per minggu, penerusan, Tunda lama, keputusan anonim/rahasia yang belum dibuat.",
                               details: "Pengawas melihat semua unit instansinya; peran lain melihat unitnya sendiri, dan setiap angka (termasuk penerusan) hanya dari laporan yang boleh mereka lihat. --format csv --wide: tabel lebar status × unit (satu baris per unit, satu kolom per status, jumlah) untuk laporan bulanan; --header id memakai nama kolom dan status bahasa Indonesia. xlsx: rekapitulasi bulanan sebagai workbook, satu lembar per tabel (laporan yang diterima dalam periode, bawaan bulan lalu) dan lembar Tentang dengan aturan tenggat dan dasar hukumnya.",
                               examples: ["aduan report --as pengawas", "aduan report --format csv > angka.csv", "aduan report --format csv --wide --header id > bulanan.csv", "aduan report --format xlsx --out rekap-november.xlsx"])
        case .autoClose:
            return CommandHelp(usage: "aduan auto-close",
                               summary: "Menutup (Selesai) laporan yang tidak ditanggapi pelapor selama masa tutup otomatis setelah tindak lanjut terakhir (deadlines.autoClose di konfigurasi kantor; bawaan 10 hari kerja).",
                               details: "Layar melakukannya sendiri saat dibuka; perintah ini untuk cron. Pada penyimpanan PostgreSQL penulis (`aduan serve`) melakukannya sendiri setiap menit dengan jam server; perintah ini hanya untuk pemilik penyimpanan.",
                               examples: ["aduan auto-close"])
        case .sweep:
            return CommandHelp(usage: "aduan sweep",
                               summary: "Menutup laporan yang sudah waktunya selesai otomatis, lalu mencatat setiap peringatan (persentase waktu terpakai) dan eskalasi (atasan unit, admin instansi, intervensi eksternal) yang jatuh waktu, masing-masing sekali.",
                               details: "Tangga eskalasi diatur di data kantor (\"escalation\"). Menjalankannya dua kali tidak menambah apa pun. Layar melakukannya sendiri di latar belakang; perintah ini untuk cron. Pada penyimpanan PostgreSQL penulis (`aduan serve`) melakukannya sendiri dengan jam server; perintah ini hanya untuk pemilik penyimpanan.",
                               examples: ["aduan sweep", "*/15 * * * * aduan sweep --store /srv/aduan/kantor.db"])
        case .office:
            return CommandHelp(usage: "aduan office show [--format text|json] | aduan office apply BERKAS [--yes] | aduan office roles",
                               summary: "Data kantor yang disimpan di penyimpanan: direktori, operator dan perannya, kalender, tenggat, alur, templat; sama untuk setiap operator.",
                               details: "show: ringkasan dan riwayat versi (siapa, kapan, apa); --format json: dokumennya. apply (hanya admin instansi kantor): tanpa --yes hanya menampilkan perubahan dan tidak mengubah apa pun; dengan --yes mencatat versi baru (siapa, kapan, apa) dan menghitung ulang tenggat laporan terbuka dalam transaksi yang sama. roles: mencetak SQL peran PostgreSQL (satu per login direktori) dan kebijakan keamanan tingkat barisnya, untuk dijalankan pemilik penyimpanan.",
                               examples: ["aduan office show", "aduan office apply kantor.json", "aduan office apply kantor.json --yes", "aduan office roles > peran.sql"])
        case .serve:
            return CommandHelp(usage: "aduan serve --store postgresql://…",
                               summary: "Penulis penyimpanan PostgreSQL: mencatat tindakan yang diminta operator (dengan peran basis data mereka sendiri), setelah diperiksa aturan kantor, pada jam server.",
                               details: "Dijalankan di server sebagai pemilik penyimpanan (misalnya unit systemd). Tanpa penulis yang berjalan, `aduan act` dan `aduan office apply` pada penyimpanan PostgreSQL ditolak tanpa mengantrekan apa pun. Penulis juga menutup otomatis laporan yang jatuh tempo setiap menit, dan membaca ulang kantor setelah `office apply`. Koneksi yang putus disambung lagi sendiri; beberapa penulis boleh berjalan bersamaan.",
                               examples: ["aduan serve --store 'postgres:///aduan?host=/run/postgresql'"])
        case .help:
            return CommandHelp(usage: "aduan help [PERINTAH | workflow | filter]",
                               summary: "Bantuan sebuah perintah, tabel alur kerja, atau bahasa saringan.",
                               details: "",
                               examples: ["aduan help import", "aduan help workflow", "aduan help filter"])
        }
    }

    static func english(_ c: CommandName) -> CommandHelp {
        switch c {
        case .screen:
            return CommandHelp(usage: "aduan [--store PATH] [--config PATH] [--as OPERATOR] [--lang id|en] [--demo] [COMMAND]",
                               summary: "The SP4N-LAPOR! operator's desk: inbox, detail, deadlines and dashboard in a terminal.",
                               details: """
                               Without a command, Aduan opens the screen. Commands:
                                 init          create an empty store
                                 demo          add realistic demo complaints
                                 import        import complaints from CSV, JSON or Open311
                                 export        export complaints (CSV, JSON, Open311)
                                 list          one line per complaint, for scripts
                                 show          one complaint with its whole timeline
                                 act           take a workflow action without the screen
                                 verify        check the store's integrity and hash chain
                                 backup        copy the store while in use
                                 anchor        record the hash chain's head in an anchor file (outside the store)
                                 calendar      working-day deadlines, holiday lists
                                 report        supervisor figures (text, CSV, JSON)
                                 auto-close    close reports left unanswered for the auto-close period
                                 sweep         auto-close, then record the warnings and escalations that fell due (cron)
                                 office        the office kept in the store: show, apply FILE (admins), roles
                                 help          help; `aduan help workflow`, `aduan help filter`
                               Exit codes: 0 done; 1 refused or invalid data; 2 usage or environment error.
                               Operator: the one bound to your Unix account ("logins" in the office directory); --as chooses among your own. Training stores (--demo, aduan demo, aduan init --training) let --as pick anyone and are marked TRAINING.
                               ADUAN_NOW (ISO 8601 with a zone) freezes the clock, only on training stores (and in tests); refused on an office store.
                               """,
                               examples: ["aduan --demo", "aduan --as tl-dinkes", "aduan list status:proses overdue", "aduan help act"])
        case .`init`:
            return CommandHelp(usage: "aduan init [--office FILE] [--training] [--store PATH]",
                               summary: "Creates an empty store (mode 0600) with its office (directory, operators, calendar, deadlines, workflow, templates).",
                               details: "--office FILE: the office from that file (config.example.json is the example); without it, from the config in use (built-in: the example). With --office an existing store is refused (change it with `aduan office apply`); without, it is left alone. --training makes a training store (a permanent mark, set at creation): --as may pick anyone, ADUAN_NOW is honoured, everything it shows says TRAINING; an office store cannot become one.",
                               examples: ["aduan init --office office.json --store /srv/aduan/kabupaten.db", "aduan init", "aduan init --training --store /tmp/practice.db"])
        case .demo:
            return CommandHelp(usage: "aduan demo [--count N] [--seed S] [--store PATH]",
                               summary: "Adds N demo complaints with full histories (default 5,000).",
                               details: "Complaints about broken roads, ID cards, social aid, school admission, rubbish, water supply, clinics, permits … across the kecamatan and OPD units of Kabupaten Sukamaju, in LAPOR!'s status mix (Selesai ~78%), with overdue items. The same seed gives the same data.",
                               examples: ["aduan demo", "aduan demo --count 1000000 --seed 7 --store /tmp/big.db"])
        case .`import`:
            return CommandHelp(usage: "aduan import FILE [--format csv|json|open311] [--skip-invalid] [--dry-run]",
                               summary: "Imports complaints. Every row is checked first; nothing is written if any row is invalid.",
                               details: "The format is guessed from the file's ending. CSV: UTF-8 (BOM allowed), a header row, columns as written by `aduan export`. JSON: an array of objects as written by `aduan export --format json` (with `events` histories when present). Open311: a GeoReport v2 service_request array. Each imported report is recorded as one import event by the importing operator and login (file name, sha256, source status); the source's history is kept as quoted data (\"according to the source: …\"), never as actions of this office's operators. An admin imports only into their own agency's inbox: rows whose holder is another agency are refused. Re-importing adds nothing (matched by LAPOR! tracking id, or a content key when there is none). --skip-invalid imports the valid rows and lists the rest. --dry-run only checks. On a PostgreSQL store (--store postgresql://…) only the store's owner imports (the role that ran `aduan init`; an operator's role is refused), as the system, so each record names its agency; everything goes in through COPY in one transaction, and the events carry the server's time.",
                               examples: ["aduan import complaints-2026.csv", "aduan import export.json --dry-run", "aduan import data.csv --skip-invalid"])
        case .export:
            return CommandHelp(usage: "aduan export [--format csv|json|open311|xlsx] [--out FILE] [--order deadline|received|updated|oldest] [--header en|id] [FILTER]",
                               summary: "Exports the complaints you may see, with the screen's filter language.",
                               details: "CSV: UTF-8 with BOM, RFC 4180 quoting, header row; cells starting with = + - @ get a leading apostrophe so spreadsheets never run them as formulas. JSON: an array of objects with their `events`. Open311: only non-confidential complaints, without reporter identity and without secret follow-ups. The reporter is null where your role may not see it. CSV with --header id: Indonesian column names, ya/tidak, and status names as LAPOR! writes them (Belum Terverifikasi …); `aduan import` reads it back. xlsx (needs --out): the CSV's columns and privacy, a frozen bold header row with an autofilter, dates as spreadsheet dates in the office's time zone, yes/no, text always text (never a formula). --order: the order of the rows (default: deadline).",
                               examples: ["aduan export --out all.csv", "aduan export --format xlsx --out complaints.xlsx status:proses", "aduan export --format json status:proses", "aduan export --header id --out lapor.csv", "aduan export --format open311 --out public.json"])
        case .list:
            return CommandHelp(usage: "aduan list [FILTER] [--order deadline|received|updated|oldest] [--limit N] [--header id|en]",
                               summary: "One tab-separated line per complaint, 7 columns: " + AduanCore.strings(.en).listColumns.joined(separator: ", ") + ". --header id|en writes a line of column names first.",
                               details: "Filters use Aduan's filter language (see `aduan help filter`). Text from the public is shown safely (control characters become visible symbols).",
                               examples: ["aduan list", "aduan list status:bd overdue", "aduan list unit:dinkes \"jalan rusak\" --limit 20"])
        case .show:
            return CommandHelp(usage: "aduan show ID",
                               summary: "Shows one complaint with its whole timeline.",
                               details: "ID is the local number (#12) or the LAPOR! tracking number (7 digits or more). The reporter's identity is hidden where your role may not see it.",
                               examples: ["aduan show 12", "aduan show 4512345 --as tl-dinkes"])
        case .act:
            return CommandHelp(usage: "aduan act ID ACTION [options]   |   aduan act new receive --title … [options]",
                               summary: "Takes one workflow action without the screen, as the operator (--as).",
                               details: """
                               Actions: verify (--unit), classify (--classification --category --anonymous --confidential --title --priority; --anonymous no needs --reason), redispose (--unit --reason), forward (--agency [--unit] --reason; from Belum Terverifikasi also --anonymous and --confidential unless decided), cc (--unit), postpone (--reason), resume, archive (--code spam|unclear|too-general|not-public-service|duplicate|other [--reason]), follow-up (--text or --text-file, --secret), note (--text), reply (--text [--written-at TIME: when the reporter wrote, kept as a field, never the event's time]), rate (--rating 1-5 [--written-at TIME]), close, reopen (--reason), link-duplicate (--duplicate-of ID), pass-down (--unit UNIT-BELOW [--reason]), return (--reason [--unit UNIT-ABOVE]), draft (--text or --text-file, --secret), approve, return-draft (--text), receive (a new complaint: --title --body --channel --classification --category --location --incident-date --tracking --reporter-name --reporter-phone --reporter-email --reporter-nik --anonymous --confidential).
                               --expect-version N refuses the action if the complaint changed since version N. A refused action exits 1 with the reason.
                               """,
                               examples: ["aduan act 12 verify --unit dinkes", "aduan act 12 forward --agency pemprov-jatim --reason \"Provincial road\"",
                                          "aduan act 12 follow-up --text-file reply.txt --as tl-dinkes", "aduan act new receive --title \"Street light out\" --body \"…\" --channel sms1708"])
        case .verify:
            return CommandHelp(usage: "aduan verify [--anchors FILE] [--key FILE]",
                               summary: "Checks the store: SQLite integrity, the event hash chain, and every history replayed and compared with its projection.",
                               details: """
                               Reports every difference with the complaint id, then prints the chain head (event count and sha256 hash) to copy into a report.
                               --anchors FILE checks that the chain still extends every anchored head (`aduan anchor`): a rewritten and rehashed history, or a store rolled back (a lost -wal file, an old copy put back), is reported with the anchor line it breaks. Signatures are checked with the public key KEY.pub (default: anchor-key in the anchor file's folder; --key FILE). Without --anchors, this store's default anchor file is checked when it exists.
                               Exits 0 when clean, 1 when anything is wrong.
                               """,
                               examples: ["aduan verify", "aduan verify --store backup.db", "aduan verify --anchors /media/usb/aduan.anchors"])
        case .anchor:
            return CommandHelp(usage: "aduan anchor [--anchors FILE] [--key FILE]",
                               summary: "Appends the current hash chain head (event count, hash, time) as one signed line to an anchor file outside the store.",
                               details: """
                               Default FILE: $XDG_DATA_HOME/aduan/anchors/<store name>-<id>.anchors. A new file is created with mode 0600; an existing one must be a regular file only its owner can write.
                               Line: aduan-anchor v1 COUNT HASH TIME STORE ed25519=PUBLIC-KEY:SIGNATURE. The office's Ed25519 key (default: anchor-key in the same folder, --key FILE) is created on first use with mode 0600; its public key is written to KEY.pub and printed: keep it on the supervisor's record.
                               Refused when the chain is broken or no longer extends the existing anchors. Copy the anchor file (or the head `verify` prints) elsewhere: anchors protect only as far as the store's writer cannot change them.
                               """,
                               examples: ["aduan anchor", "aduan anchor --anchors /media/usb/aduan.anchors", "aduan verify --anchors /media/usb/aduan.anchors"])
        case .backup:
            return CommandHelp(usage: "aduan backup DEST",
                               summary: "Copies the store to DEST with SQLite's backup API, safe while other operators work.",
                               details: "DEST must not exist. The copy is created with mode 0600.",
                               examples: ["aduan backup /media/usb/aduan-2026-11-23.db"])
        case .calendar:
            return CommandHelp(usage: "aduan calendar due DATE N [--calendar-days]   |   aduan calendar holidays YEAR",
                               summary: "This office's working-day calendar.",
                               details: "`due`: the end (23:59:59 local) of the Nth working day after DATE (ISO 8601), written as ISO 8601. `holidays`: a year's national holidays, collective leave and regional days.",
                               examples: ["aduan calendar due 2026-03-17T10:00:00+07:00 3", "aduan calendar due 2026-12-23 5", "aduan calendar holidays 2026"])
        case .report:
            return CommandHelp(usage: "aduan report [--format text|csv|json] [--wide] [--header en|id]   |   aduan report --format xlsx --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
                               summary: "Supervisor figures: counts per status × unit, overdue per unit, % Selesai, median working days to first follow-up, complaints per week, forwards, old Tunda, missing anonymity/confidentiality decisions.",
                               details: "Supervisors see every unit of their agency; other roles see their own unit, and every figure (forwards included) counts only the complaints they may see. --format csv --wide: a wide status × unit table (a row per unit, a column per status, totals) for the monthly report; --header id uses Indonesian column and status names. xlsx: the monthly recap as a workbook, one sheet per table (reports received in the period, by default last month) and an About sheet with the deadline rules and their regulations.",
                               examples: ["aduan report --as pengawas", "aduan report --format csv > figures.csv", "aduan report --format csv --wide > monthly.csv", "aduan report --format xlsx --out recap-november.xlsx"])
        case .autoClose:
            return CommandHelp(usage: "aduan auto-close",
                               summary: "Closes (Selesai) complaints the reporter left unanswered for the auto-close period after the last follow-up (deadlines.autoClose in the office config; 10 working days by default).",
                               details: "The screen does this itself when it opens; this command is for cron. On a PostgreSQL store the writer (`aduan serve`) does it by itself every minute at the server's clock; this command is for the store's owner only.",
                               examples: ["aduan auto-close"])
        case .sweep:
            return CommandHelp(usage: "aduan sweep",
                               summary: "Closes the complaints whose auto-close is due, then records each warning (a percentage of the time used) and escalation (the unit's supervisor, the agency admin, external intervention) that fell due, each once.",
                               details: "The ladder is set in the office (\"escalation\"). Running it twice adds nothing. The screen does this itself in the background; this command is for cron. On a PostgreSQL store the writer (`aduan serve`) does it by itself at the server's clock; this command is for the store's owner only.",
                               examples: ["aduan sweep", "*/15 * * * * aduan sweep --store /srv/aduan/office.db"])
        case .office:
            return CommandHelp(usage: "aduan office show [--format text|json] | aduan office apply FILE [--yes] | aduan office roles",
                               summary: "The office kept in the store: directory, operators and roles, calendar, deadlines, workflow, templates; the same for every operator.",
                               details: "show: summary and version history (who, when, what); --format json: the document. apply (admins of the office's agency only): without --yes it shows what would change and changes nothing; with --yes it records a new version (who, when, what) and recomputes the deadlines of open complaints in the same transaction. roles: prints the SQL for PostgreSQL roles (one per login of the directory) and their row-level security policies, for the store's owner to run.",
                               examples: ["aduan office show", "aduan office apply office.json", "aduan office apply office.json --yes", "aduan office roles > roles.sql"])
        case .serve:
            return CommandHelp(usage: "aduan serve --store postgresql://…",
                               summary: "The writer of a PostgreSQL store: records the actions operators ask for (with their own database roles), checked against the office's rules, at the server's time.",
                               details: "Run on the server as the store's owner (a systemd unit, say). Without a running writer, `aduan act` and `aduan office apply` on a PostgreSQL store are refused with nothing queued. The writer also auto-closes due complaints every minute and re-reads the office after `office apply`. A lost connection is made again by itself; several writers may run at once.",
                               examples: ["aduan serve --store 'postgres:///aduan?host=/run/postgresql'"])
        case .help:
            return CommandHelp(usage: "aduan help [COMMAND | workflow | filter]",
                               summary: "Help for a command, the workflow table, or the filter language.",
                               details: "",
                               examples: ["aduan help import", "aduan help workflow", "aduan help filter"])
        }
    }

    static func render(_ c: CommandName, _ lang: Language) -> String {
        let h = of(c, lang)
        let t = strings(lang)
        var out = t.command(.usageLabel) + h.usage + "\n\n" + h.summary + "\n"
        if !h.details.isEmpty { out += "\n" + h.details + "\n" }
        let own = commandOptions(c)
        if !own.isEmpty { out += "\n" + OptionHelp.commandOptionsLabel(lang) + optionLines(own, lang) + "\n" }
        out += "\n" + t.command(.optionsForEveryCommand) + optionLines(globalOptions, lang) + "\n"
        out += "\n" + t.command(.examplesLabel) + h.examples.map { "  " + $0 }.joined(separator: "\n") + "\n"
        return out
    }

    /// One line per option, from the declarations the parser uses: "  --name VALUE  what it does",
    /// the descriptions lined up.
    static func optionLines(_ specs: [OptionSpec], _ lang: Language) -> String {
        func left(_ o: OptionSpec) -> String {
            (o.name == "help" ? "-h, " : "") + "--" + o.name + (o.value.map { " " + $0 } ?? "")
        }
        let width = specs.map { left($0).count }.filter { $0 <= 24 }.max().map { $0 + 2 } ?? 4
        return specs.map { o in
            let l = left(o)
            // A name too long for the column gets its description on the next line.
            let gap = l.count < width ? String(repeating: " ", count: width - l.count) : "\n" + String(repeating: " ", count: width + 2)
            return "  " + l + gap + o.help.text(lang)
        }.joined(separator: "\n")
    }

    static func filterLanguage(_ lang: Language) -> String {
        if lang == .en {
            return """
            Aduan's filter language (screen `l`, `aduan list`, `aduan export`)

              status:proses            status (belum_terverifikasi/bt, belum_ditindaklanjuti/bd, proses, selesai, tunda, arsip)
              status:bt,bd             several values: any of them
              unit:dinkes              holder unit (id, short name such as DPUPR, or a unique part of its name); agency:pemprov-jatim
              cc:pupr                  copied (tembusan) to a unit
              category:infrastruktur   the category or anything beneath it (kategori:)
              class:aspirasi           classification (pengaduan, aspirasi, permintaan_informasi)
              channel:sms1708          channel (web, sms1708, twitter, android, ios, walk-in, integrated, other)
              priority:high            priority (low, normal, high)
              age:>5d  age:<=2w  age:>3wd   age since receipt: d days, w weeks, wd working days
              rating:<=2               the reporter's rating
              tracking:4512345  id:12  a LAPOR! tracking number or a local id
              overdue  due-soon        the running deadline has passed / falls within the due-soon window
              anonymous  confidential  pingpong  undecided   flags (undecided: anonymity not yet decided)
              forwarded                passed away by my agency and no longer held by it (also: diteruskan)
              mine                     held now by my unit or a unit below it (my agency for an admin), not only copied to it (also: milik-saya)
              awaiting-approval        a drafted follow-up waits for approval (also: menunggu-persetujuan, draft)
              jalan rusak              words: every word must start a word of the title or body
              "lampu mati"             a phrase
              AND OR NOT ( )           combine; side by side means AND; also & | ! and a leading -
              DAN ATAU BUKAN           the same in Indonesian (upper case; lower-case words are search words)

            Examples:
              status:bd overdue
              unit:dinkes AND (overdue OR due-soon)
              kategori:pendidikan/ppdb NOT channel:sms1708 age:>5d
              "jalan rusak" -status:selesai
            """
        }
        return """
        Bahasa saringan Aduan (layar `l`, `aduan list`, `aduan export`)

          status:proses            status (belum_terverifikasi/bt, belum_ditindaklanjuti/bd, proses, selesai, tunda, arsip)
          status:bt,bd             beberapa nilai: salah satunya
          unit:dinkes              unit pemegang (id, nama singkat seperti DPUPR, atau bagian unik dari namanya); instansi:pemprov-jatim
          tembusan:pupr            ditembuskan ke unit
          kategori:infrastruktur   kategori itu atau di bawahnya (category:)
          klasifikasi:aspirasi     pengaduan, aspirasi, permintaan_informasi
          kanal:sms1708            web, sms1708, twitter, android, ios, walk-in, integrated, other
          prioritas:tinggi         rendah, biasa, tinggi
          umur:>5h  umur:<=2m  umur:>3hk   umur sejak diterima: h hari, m minggu, hk hari kerja
          nilai:<=2                penilaian pelapor
          lapor:4512345  id:12     No. LAPOR! atau nomor lokal
          terlambat  segera        tenggat sudah lewat / jatuh dalam batas "segera"
          anonim  rahasia  pingpong  belum-diputuskan   penanda
          diteruskan               sudah diteruskan instansi saya dan tidak dipegangnya lagi (juga: forwarded)
          milik-saya               dipegang unit saya atau unit di bawahnya sekarang (instansi saya bagi admin), bukan sekadar tembusan (juga: mine)
          menunggu-persetujuan     draf tindak lanjut menunggu persetujuan (juga: awaiting-approval, draf)
          jalan rusak              kata: setiap kata harus menjadi awal kata di judul atau isi
          "lampu mati"             frasa
          DAN ATAU BUKAN ( )       gabungan; berdampingan berarti DAN; juga & | ! dan tanda - di depan
          AND OR NOT               sama, dalam bahasa Inggris (huruf besar; huruf kecil adalah kata cari)

        Contoh:
          status:bd terlambat
          unit:dinkes DAN (terlambat ATAU segera)
          kategori:pendidikan/ppdb BUKAN kanal:sms1708 umur:>5h
          "jalan rusak" -status:selesai
        """
    }
}
