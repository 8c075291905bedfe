/// What each command-line option does, for the option lists `--help` prints (issue 12, item 5).
/// The parser's declarations (`OptionSpec` in AduanCLI) name one of these, so every option it
/// accepts has a line in help; two exhaustive switches, so neither language can lack one.
public enum OptionHelp: Sendable, CaseIterable {
    // Every command.
    case store, config, operatorID, lang, help, demo, version
    // init, office, demo.
    case office, training, officeFormat, yes, count, seed
    // verify, anchor.
    case anchors, key
    // import, export, list, report.
    case importFormat, skipInvalid, dryRun, exportFormat, out, order, exportHeader, limit, listHeader
    case reportFormat, from, to, wide, reportHeader
    // calendar.
    case calendarDays
    // act.
    case unit, agency, reason, archiveCode, text, textFile, secret, rating, duplicateOf, title, body, classification, category
    case anonymous, confidential, priority, channel, location, incidentDate, tracking
    case reporterName, reporterPhone, reporterEmail, reporterNIK, expectVersion, writtenAt

    public func text(_ language: Language) -> String {
        switch language {
        case .id: indonesian
        case .en: english
        }
    }

    /// The heading over a command's own options.
    public static func commandOptionsLabel(_ language: Language) -> String {
        language == .en ? "Options:\n" : "Opsi:\n"
    }

    var indonesian: String {
        switch self {
        case .store: "berkas penyimpanan (bawaan: $XDG_DATA_HOME/aduan/aduan.db), atau basis data PostgreSQL: postgresql://PERAN@HOST/DB, postgres:///aduan?host=/run/postgresql, service=NAMA (kata sandi hanya dari PGPASSFILE/~/.pgpass atau berkas layanan)"
        case .config: "berkas konfigurasi (bawaan: ~/.config/aduan/config.json, atau contoh bawaan)"
        case .operatorID: "bertindak sebagai operator ini (id dari konfigurasi)"
        case .lang: "bahasa tampilan dan pesan"
        case .help: "bantuan ini"
        case .demo: "pakai penyimpanan demo ($XDG_DATA_HOME/aduan/demo.db), dibuat saat pertama dipakai"
        case .version: "cetak versi Aduan"
        case .office: "data kantor dari berkas ini (bawaan: konfigurasi yang dipakai)"
        case .training: "buat penyimpanan pelatihan (--as siapa saja, ADUAN_NOW berlaku, bertanda PELATIHAN)"
        case .officeFormat: "bentuk `office show`: teks atau dokumen JSON"
        case .yes: "`office apply`: benar-benar mencatat versi baru (tanpa ini hanya menampilkan perubahan)"
        case .count: "jumlah laporan contoh (bawaan 5.000)"
        case .seed: "benih acak: seed yang sama memberi laporan yang sama"
        case .anchors: "berkas jangkar (bawaan: $XDG_DATA_HOME/aduan/anchors/<penyimpanan>-<id>.anchors)"
        case .key: "kunci Ed25519 kantor (bawaan: anchor-key di folder berkas jangkar)"
        case .importFormat: "format berkas (bawaan: ditebak dari akhiran dan isinya)"
        case .skipInvalid: "impor baris yang sah dan daftar sisanya (keluar dengan kode 1)"
        case .dryRun: "hanya periksa; tidak menulis apa pun"
        case .exportFormat: "format keluaran (bawaan: csv; xlsx perlu --out)"
        case .out: "tulis ke berkas ini (bawaan: keluaran standar)"
        case .order: "urutan baris: tenggat, diterima, diubah, terlama dulu (bawaan: tenggat)"
        case .exportHeader: "bahasa baris judul CSV: en (bawaan, dapat diimpor) atau id (nama kolom dan status LAPOR!)"
        case .limit: "paling banyak N baris"
        case .listHeader: "tulis dulu baris judul kolom dalam bahasa ini"
        case .reportFormat: "format keluaran (bawaan: teks; xlsx perlu --out)"
        case .from: "hari pertama periode (xlsx; bawaan: bulan lalu)"
        case .to: "hari terakhir periode (xlsx; bawaan: bulan lalu)"
        case .wide: "CSV: tabel lebar status × unit untuk laporan bulanan"
        case .reportHeader: "bahasa nama kolom dan status CSV"
        case .calendarDays: "hitung hari kalender, bukan hari kerja"
        case .unit: "unit tujuan (id, nama singkat, atau bagian unik namanya)"
        case .agency: "instansi tujuan penerusan"
        case .reason: "alasan, dicatat di riwayat"
        case .archiveCode: "alasan arsip: spam, unclear, too-general, not-public-service, duplicate, other"
        case .text: "teks tindak lanjut, catatan atau balasan"
        case .textFile: "baca teks dari berkas ini"
        case .secret: "tindak lanjut rahasia: hanya untuk instansi, tidak untuk pelapor"
        case .rating: "penilaian pelapor, 1 sampai 5"
        case .duplicateOf: "laporan asli yang diduplikasi laporan ini"
        case .title: "judul laporan"
        case .body: "isi laporan"
        case .classification: "pengaduan, aspirasi atau permintaan_informasi"
        case .category: "kategori (jalur seperti infrastruktur/jalan)"
        case .anonymous: "pelapor anonim: yes atau no"
        case .confidential: "laporan rahasia: yes atau no"
        case .priority: "prioritas: low, normal atau high"
        case .channel: "kanal masuk (web, sms1708, twitter, android, ios, walk-in, integrated, other)"
        case .location: "lokasi kejadian"
        case .incidentDate: "tanggal kejadian"
        case .tracking: "No. LAPOR! (7 digit atau lebih)"
        case .reporterName: "nama pelapor"
        case .reporterPhone: "telepon pelapor"
        case .reporterEmail: "surel pelapor"
        case .reporterNIK: "NIK pelapor"
        case .expectVersion: "tolak aksi bila laporan sudah berubah sejak versi N"
        case .writtenAt: "kapan pelapor menulis (balasan, penilaian): disimpan sebagai data, bukan waktu kejadian"
        }
    }

    var english: String {
        switch self {
        case .store: "store file (default: $XDG_DATA_HOME/aduan/aduan.db), or a PostgreSQL database: postgresql://ROLE@HOST/DB, postgres:///aduan?host=/run/postgresql, service=NAME (passwords only from PGPASSFILE/~/.pgpass or a service file)"
        case .config: "config file (default: ~/.config/aduan/config.json, else the built-in example)"
        case .operatorID: "act as this operator (an id from the config)"
        case .lang: "language of screens and messages"
        case .help: "this help"
        case .demo: "use the demo store ($XDG_DATA_HOME/aduan/demo.db), created on first use"
        case .version: "print Aduan's version"
        case .office: "the office from this file (default: the config in use)"
        case .training: "create a training store (--as anyone, ADUAN_NOW works, marked TRAINING)"
        case .officeFormat: "what `office show` prints: text or the JSON document"
        case .yes: "`office apply`: really record the new version (without it, only show the changes)"
        case .count: "how many demo complaints (default 5,000)"
        case .seed: "random seed: the same seed gives the same complaints"
        case .anchors: "anchor file (default: $XDG_DATA_HOME/aduan/anchors/<store>-<id>.anchors)"
        case .key: "the office's Ed25519 key (default: anchor-key in the anchor file's folder)"
        case .importFormat: "file format (default: guessed from the ending and the contents)"
        case .skipInvalid: "import the valid rows and list the rest (exits 1)"
        case .dryRun: "only check; write nothing"
        case .exportFormat: "output format (default: csv; xlsx needs --out)"
        case .out: "write to this file (default: standard output)"
        case .order: "row order: deadline, received, updated, oldest first (default: deadline)"
        case .exportHeader: "CSV header language: en (default, importable) or id (Indonesian columns and LAPOR! statuses)"
        case .limit: "at most N rows"
        case .listHeader: "first write a header row in this language"
        case .reportFormat: "output format (default: text; xlsx needs --out)"
        case .from: "first day of the period (xlsx; default: last month)"
        case .to: "last day of the period (xlsx; default: last month)"
        case .wide: "CSV: the wide status × unit table for the monthly report"
        case .reportHeader: "language of the CSV's column and status names"
        case .calendarDays: "count calendar days, not working days"
        case .unit: "the target unit (id, short name, or a unique part of its name)"
        case .agency: "the agency to forward to"
        case .reason: "the reason, kept in the history"
        case .archiveCode: "why archived: spam, unclear, too-general, not-public-service, duplicate, other"
        case .text: "the follow-up, note or reply text"
        case .textFile: "read the text from this file"
        case .secret: "a secret follow-up: for the agencies only, not the reporter"
        case .rating: "the reporter's rating, 1 to 5"
        case .duplicateOf: "the original complaint this one duplicates"
        case .title: "the complaint's title"
        case .body: "the complaint's text"
        case .classification: "pengaduan, aspirasi or permintaan_informasi"
        case .category: "category (a path such as infrastruktur/jalan)"
        case .anonymous: "anonymous reporter: yes or no"
        case .confidential: "confidential complaint: yes or no"
        case .priority: "priority: low, normal or high"
        case .channel: "intake channel (web, sms1708, twitter, android, ios, walk-in, integrated, other)"
        case .location: "where it happened"
        case .incidentDate: "when it happened"
        case .tracking: "LAPOR! tracking number (7 digits or more)"
        case .reporterName: "reporter's name"
        case .reporterPhone: "reporter's phone"
        case .reporterEmail: "reporter's email"
        case .reporterNIK: "reporter's NIK"
        case .expectVersion: "refuse the action if the complaint changed since version N"
        case .writtenAt: "when the reporter wrote (reply, rating): kept as data, never the event's time"
        }
    }
}
