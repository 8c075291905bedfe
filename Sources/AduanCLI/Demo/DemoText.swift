// Over 400 lines: the demo's Indonesian phrase banks are data, kept in one place so the mix reads as a whole.
import AduanCore

// Text pools for the demo data: realistic Bahasa Indonesia as reporters and officers write it.
//
// Templates carry `{slot}` markers that `DemoGenerator` fills from one scene per report (the same
// kecamatan, desa, street and school throughout a report and its follow-ups). Slots:
//   {desa} "Desa Ngadirejo"   {desa_} "Ngadirejo"   {kec} "Karangrejo"   {kab} "Sukamaju"
//   {jalan} a street   {rtrw} "RT 03/RW 05"   {landmark} a nearby landmark   {durasi} how long
//   {sd} {smp} {sma} schools   {puskesmas}   {pasar}   {kali} a river   {pt} a company
//   {nominal} an amount   {jam} a time of day   {hari} a weekday   {n} a digit 2–9
//   {unit} the holding unit's name   {tujuan} where a report is sent   {nomor} another report's number
// Nothing here may contain a control character; bodies get their line breaks from the generator.

/// One topic of the demo: what reporters write about it, who handles it, and what officers answer.
struct DemoTopicSpec: Sendable {
    /// Short key, used in tests and for the topic's special routing rules.
    var key: String
    /// Category paths, best first; the first one the office's config knows is used.
    var categories: [String]
    /// Relative frequency among reports.
    var weight: Double
    /// The unit that handles it; "$kec" means the kecamatan of the report's location.
    var unit: String
    /// Distinct problems within the topic. A pool whose length is a multiple of this is aligned:
    /// its entry i belongs to issue i % issues, so title, body and answers stay on one problem.
    var issues: Int = 1
    /// A unit the admin sometimes disposes to first by mistake, and how often.
    var misroute: String? = nil
    var misrouteRate: Double = 0
    var misrouteReasons: [String] = []
    /// "Bukan Wewenang": the agency and unit it really belongs to, and how it gets there.
    var forwardAgency: String? = nil
    var forwardUnit: String? = nil
    /// Share forwarded by the admin before verification; the rest is disposed to `unit` first
    /// and forwarded by that unit's liaison.
    var forwardAtIntake: Double = 0
    var forwardReasons: [String] = []
    /// Share of forwards the receiving agency sends back (ping-pong), with its reasons.
    var pingPongRate: Double = 0
    var pingPongReasons: [String] = []
    /// Units that get a copy (tembusan) now and then; "$kec" allowed.
    var cc: [String] = []
    var ccRate: Double = 0.08
    var aspirasiRate: Double = 0.06
    var infoRate: Double = 0.05
    var whistleRate: Double = 0
    var anonymousRate: Double = 0.13
    var confidentialRate: Double = 0.035
    var highPriorityRate: Double = 0.04
    /// Whether the report names a street address (location field).
    var located: Bool = true

    var titles: [String]
    var adminTitles: [String]
    var aspirasiTitles: [String] = []
    var infoTitles: [String] = []
    var problems: [String]
    var details: [String]
    var impacts: [String] = []
    var requests: [String] = []
    var informal: [String]
    var aspirasi: [String] = []
    var info: [String] = []
    /// First follow-ups (progress) and final ones (done) by the handling unit.
    var progress: [String]
    var done: [String]
    /// Follow-ups by the agency it was forwarded to.
    var forwardedProgress: [String] = []
    var forwardedDone: [String] = []
}

enum DemoText {
    // MARK: people

    /// Given names and family names by origin; a reporter takes both from one group.
    static let nameGroups: [(weight: Double, first: [String], last: [String])] = [
        // Javanese
        (40, ["Slamet", "Sri", "Bambang", "Endang", "Agus", "Tri", "Sugeng", "Wahyu", "Dwi", "Puji", "Budi", "Joko",
              "Siti", "Eko", "Yuli", "Rina", "Heru", "Wulan", "Suparmi", "Sukirno", "Ratna", "Dian", "Rudi", "Nanik",
              "Bayu", "Anik", "Teguh", "Wiwik", "Hari", "Lestari", "Ika", "Danang", "Fitri", "Yudi", "Suwarni", "Ngatini"],
            ["Riyadi", "Wahyuni", "Supriyanto", "Sulistyowati", "Setiawan", "Handayani", "Prayitno", "Hidayat", "Astuti",
             "Lestari", "Santoso", "Purnomo", "Rahayu", "Susanto", "Wibowo", "Kurniawan", "Pratiwi", "Nugroho",
             "Suharto", "Mulyani", "Prasetyo", "Widodo", "Utami", "Saputro", "Hartono", "Sugiarto", "Wijayanti"]),
        // Sundanese
        (12, ["Asep", "Ujang", "Neng", "Cecep", "Dedeh", "Yayan", "Iis", "Ade", "Nining", "Entis", "Euis", "Dadang",
              "Cucu", "Aceng", "Elis", "Ujang", "Dédé", "Enung"],
            ["Saepudin", "Suherman", "Kurniasih", "Rahmat", "Sopyan", "Rohaeti", "Sunarya", "Suryani", "Sutisna",
             "Hermawan", "Supriatna", "Nurjanah", "Mulyana", "Ruhiyat", "Hidayat"]),
        // Batak
        (8, ["Ronald", "Maria", "Togar", "Lamhot", "Rosmawati", "Jonner", "Hotma", "Dame", "Bonar", "Roida",
             "Parulian", "Tiurma", "Renée", "Andreas"],
            ["Simanjuntak", "Siregar", "Nainggolan", "Situmorang", "Lubis", "Sinaga", "Pardede", "Hutapea", "Manurung",
             "Sihombing", "Nasution", "Harahap", "Panjaitan", "Simatupang"]),
        // Minang
        (6, ["Fadli", "Rahmi", "Zulkifli", "Afrizal", "Yuliarni", "Irwan", "Nofrianti", "Hendri", "Desi", "Rizal"],
            ["Chaniago", "Piliang", "Tanjung", "Sikumbang", "Koto", "Jambak", "Caniago", "Malik", "Syahputra"]),
        // Chinese-Indonesian
        (7, ["Hendra", "Lanny", "Yohanes", "Budi", "Wenny", "Anton", "Sherly", "Lie Siu", "Tjong Kim", "Liem",
             "Fransiska", "Vincent", "Zoë", "Kevin", "Melinda"],
            ["Gunawan", "Kurniawan", "Tanoto", "Halim", "Setiadi", "Wijaya", "Tanujaya", "Lan", "Hwa", "Santoso",
             "Salim", "Hartanto", "Susilo", "Lim"]),
        // Arabic-origin
        (10, ["Muhammad", "Abdullah", "Fatimah", "Ahmad", "Siti", "Umar", "Ali", "Syarifah", "Hasan", "Mu'ammar",
              "Nur'aini", "Ja'far", "Sa'adah", "Ni'mah", "Zainab", "Husein", "Khadijah", "Ma'ruf", "Aisyah", "Faris"],
            ["Ma'ruf", "Assegaf", "Az-Zahra", "Alatas", "Basri", "Baraqbah", "Al-Habsyi", "Shahab", "Fauzi", "Mubarok",
             "Amin", "Rosyid", "Hakim", "Hamid", "Nur Hidayah", "Ba'asyir"]),
    ]

    /// Names a single-name reporter goes by (older Javanese villagers often have one).
    static let singleNames = ["Suparmi", "Sukirno", "Painem", "Tukiyem", "Paijo", "Wagiman", "Sumarni", "Kasiman",
                              "Suminah", "Mbok Darmi", "Parman", "Sarinah"]
    static let honorifics = ["H. ", "Hj. ", "Drs. ", "Ir. ", "dr. "]
    static let suffixTitles = [", S.Pd.", ", S.E.", ", S.H.", ", A.Md.", ", S.Kom."]
    static let mailDomains = ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "ymail.com", "outlook.com"]
    /// Mobile prefixes after "08" (Telkomsel, Indosat, XL, Tri, Smartfren, Axis).
    static let phonePrefixes = ["11", "12", "13", "21", "22", "23", "51", "52", "53", "14", "15", "16", "55", "56", "57",
                                "58", "17", "18", "19", "59", "77", "78", "95", "96", "97", "98", "99", "81", "82", "83",
                                "85", "87", "88", "31", "32", "38"]
    /// Names for synthesized officers (liaisons and admins of units without one in the config).
    static let officerNames = ["Agus Salim, S.Sos.", "Dra. Endah Puspitasari", "Yusuf Hidayat, S.T.", "Rini Anggraeni, S.E.",
                               "Ahmad Fauzan, S.Kom.", "Nur Azizah, S.AP.", "Dwi Cahyono, S.H.", "Lilik Suryani, S.Pd.",
                               "Arif Rahman Hakim", "Sri Mulyaningsih, S.KM.", "Bagus Wicaksono, S.T.", "Evi Susanti, A.Md.",
                               "Hadi Prayitno, S.IP.", "Maya Sari Dewi", "Rahmat Ma'ruf, S.Sos.", "Yohana Simatupang, S.H.",
                               "dr. Fajar Nugraha", "Imam Syafi'i, S.Ag.", "Wahyu Kristanto", "Nanang Kosim, S.T.",
                               "Erna Widyastuti, M.M.", "Suryo Atmojo", "Laila Fitriani, S.Psi.", "Andi Saputra, S.E."]

    // MARK: places

    /// Invented desa/kelurahan names; each kecamatan gets a run of them.
    static let desaNames = ["Ngadirejo", "Sumbersari", "Karanganyar", "Tegalrejo", "Mojosari", "Kedungwaru", "Sidorejo",
                            "Jatimulyo", "Wonokerto", "Banjarsari", "Purworejo", "Sukorejo", "Tanjungrejo", "Krajan",
                            "Gondang", "Ngembel", "Pandanwangi", "Randuagung", "Kebonsari", "Bendungan", "Tambakrejo",
                            "Rejosari", "Mekarjaya", "Cikadu", "Sindangsari", "Ciherang", "Mulyorejo", "Kalisari",
                            "Watugede", "Sumberjo", "Ngroto", "Jambearum", "Kedungrejo", "Pagerwojo", "Bulusari",
                            "Tulungrejo", "Sidomukti", "Karangsono", "Plosorejo", "Sukolilo", "Pakisaji", "Wringinanom",
                            "Gunungsari", "Tlogomas", "Kepuharjo", "Ngantru", "Manggisan", "Sumberwringin", "Glagahwangi",
                            "Semampir", "Kalipare", "Ketanon", "Dadapan", "Jeruksari", "Sumbermulyo", "Kademangan",
                            "Kedungsari", "Candirejo", "Wonodadi", "Slorok", "Gedangan", "Duwet", "Bakung", "Tawangsari"]
    static let streets = ["Jl. Diponegoro", "Jl. Jenderal Sudirman", "Jl. Ahmad Yani", "Jl. KH. Hasyim Asy'ari",
                          "Jl. Pahlawan", "Jl. Veteran", "Jl. Gajah Mada", "Jl. Imam Bonjol", "Jl. Kartini", "Jl. Pemuda",
                          "Jl. Merdeka", "Jl. Letjen Suprapto", "Jl. Dr. Wahidin", "Jl. Mawar", "Jl. Flamboyan",
                          "Jl. Kenanga", "Gang Melati III", "Jl. Lingkar Timur", "Jl. Brawijaya", "Jl. Hayam Wuruk",
                          "Jl. Cut Nyak Dien", "Jl. Sultan Agung", "Jl. Panglima Sudirman", "Gang Kelinci II",
                          "Jl. Anggrek", "Jl. Wahid Hasyim", "Jl. Untung Suropati", "Jl. Trunojoyo"]
    static let landmarks = ["depan {sd}", "dekat Masjid Al-Ikhlas", "sebelah {pasar}", "seberang Balai Desa {desa_}",
                            "pertigaan dekat Indomaret", "depan {puskesmas}", "samping lapangan desa {desa_}",
                            "dekat jembatan {kali}", "depan SPBU {kec}", "sebelah makam umum {desa_}", "dekat pos kamling {rtrw}",
                            "depan Gereja GKJW {desa_}", "dekat Klenteng Hok An Kiong", "samping kantor Polsek {kec}",
                            "depan Musala Nurul Huda", "dekat perempatan lampu merah {kec}", "depan kantor Kecamatan {kec}",
                            "dekat pabrik {pt}", "depan Alfamart {desa_}", "sebelah gapura masuk {desa}"]
    static let rivers = ["Kali Gede", "Kali Putih", "Sungai Kedungwaru", "Kali Sumber", "Kali Lanang", "Sungai Brantas Kecil",
                         "Kali Konto", "Kali Mati"]
    static let companies = ["PT Sinar Makmur Textile", "CV Berkah Jaya", "PT Agro Lestari Sukamaju", "UD Sumber Rejeki",
                            "PT Java Garment Indonesia", "PT Tirta Kencana Abadi", "CV Karya Mandiri Sejahtera",
                            "PT Mitra Plastik Nusantara", "PT Sukses Pangan Jaya", "PT Graha Beton Perkasa"]
    static let durations = ["sejak dua minggu lalu", "hampir sebulan", "lebih dari 3 bulan", "sejak awal tahun",
                            "selama 5 hari", "sejak musim hujan kemarin", "bertahun-tahun", "sejak Lebaran kemarin",
                            "lebih dari seminggu", "hampir setengah tahun", "sejak bulan lalu", "berbulan-bulan"]
    static let amounts = ["Rp50.000", "Rp100.000", "Rp150.000", "Rp250.000", "Rp300 ribu", "Rp500.000", "Rp1,5 juta",
                          "Rp2.000.000", "Rp750.000", "Rp20.000", "Rp3,5 juta", "Rp400.000"]
    static let times = ["pukul 22.00", "tengah malam", "dini hari sekitar pukul 02.00", "menjelang subuh",
                        "sore hari sekitar pukul 17.00", "pukul 23.30"]
    static let weekdays = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]

    // MARK: report bodies, shared parts

    static let openers = ["Selamat pagi Bapak/Ibu admin LAPOR!.", "Yth. Bapak/Ibu Pemerintah Kabupaten {kab},",
                          "Assalamu'alaikum wr. wb. Saya warga {desa}, Kecamatan {kec}, ingin melaporkan masalah berikut.",
                          "Dengan hormat, saya ingin menyampaikan pengaduan.", "Mohon izin melapor.",
                          "Saya selaku warga {rtrw} {desa} ingin menyampaikan keluhan.", "Selamat siang, admin.",
                          "Kepada Yth. instansi terkait di Kabupaten {kab}.", "Salam sejahtera untuk kita semua.",
                          "Saya ingin menyampaikan laporan sebagai warga Kecamatan {kec}."]
    static let informalOpeners = ["Pagi min,", "Min tolong dong,", "Permisi pak/bu,", "Halo admin LAPOR,",
                                  "Pak, mau lapor nih.", "Assalamualaikum min,", "Siang min, numpang lapor."]
    static let closings = ["Atas perhatian dan tindak lanjutnya saya ucapkan terima kasih.", "Terima kasih.",
                           "Mohon segera ditindaklanjuti. Terima kasih.",
                           "Demikian laporan saya, atas perhatiannya saya sampaikan terima kasih.",
                           "Wassalamu'alaikum wr. wb.", "Besar harapan kami laporan ini segera mendapat tanggapan.",
                           "Foto kondisi di lapangan saya lampirkan. Terima kasih.", "Salam, warga {desa}."]
    static let informalClosings = ["Makasih min.", "Tolong bgt ya pak, makasih.", "Ditunggu responnya.", "Mksh.",
                                   "Makasih sebelumnya 🙏", "Tolong jgn cuma dibaca aja ya min."]
    static let impacts = ["Kondisi ini sangat mengganggu aktivitas warga sehari-hari.",
                          "Warga sudah beberapa kali menyampaikan ke perangkat desa tetapi belum ada tindak lanjut.",
                          "Sudah pernah dilaporkan ke RT dan kelurahan namun belum ada kejelasan.",
                          "Yang paling dirugikan adalah warga lansia dan anak-anak.",
                          "Kami khawatir kalau dibiarkan akan menimbulkan masalah yang lebih besar.",
                          "Masalah ini sudah berlangsung {durasi} dan makin parah."]
    static let requests = ["Mohon pihak terkait segera turun ke lapangan dan melakukan pengecekan.",
                           "Kami mohon ada tindakan nyata dari dinas terkait.",
                           "Mohon kejelasan dan solusi dari instansi yang berwenang.",
                           "Mohon dapat ditindaklanjuti sesuai prosedur yang berlaku.",
                           "Kami berharap pemerintah kabupaten segera memberi solusi."]
    static let aspirasiOpeners = ["Kami warga {desa} ingin menyampaikan aspirasi.", "Izin menyampaikan usulan untuk kemajuan {kec}.",
                                  "Saran untuk Pemerintah Kabupaten {kab}:"]
    static let aspirasiReasons = ["Usulan ini sudah disepakati bersama warga dalam rapat RT.",
                                  "Kami yakin usulan ini akan bermanfaat bagi banyak warga, terutama pelajar dan pedagang.",
                                  "Semoga dapat dipertimbangkan dalam perencanaan anggaran tahun depan."]
    static let infoContexts = ["Saya sudah mencari di website tetapi belum menemukan informasi yang jelas.",
                               "Informasi di papan pengumuman kantor berbeda dengan yang disampaikan petugas.",
                               "Mohon dijelaskan agar kami tidak salah langkah."]
    static let infoClosings = ["Terima kasih atas informasinya.", "Mohon informasinya, terima kasih.",
                               "Apakah ada nomor kontak yang bisa dihubungi?", "Terima kasih sebelumnya."]
    /// Added to a title to make one of the few very long ones.
    static let longTitleTails = [", sudah dilaporkan berkali-kali ke desa dan kecamatan tetapi sampai sekarang belum ada tindakan sama sekali dari pihak terkait",
                                 " dan mohon perhatian serius dari Bapak Bupati karena kondisi ini sudah berlangsung sangat lama dan membahayakan keselamatan warga",
                                 ", warga sudah resah dan meminta kejelasan kapan akan ditangani karena setiap hari harus menghadapi masalah yang sama"]
    static let titleTails = [" !!!", ", Mohon Segera Ditindaklanjuti", " (Mohon Perhatian)", ", Tolong Pak", "!!"]

    // MARK: dialogue

    /// Answers to a request for details, for reports without a street location.
    static let clarificationRepliesGeneral = ["Kejadiannya hari {hari} pagi sekitar pukul 09.00, Pak. Bukti foto sudah saya lampirkan.",
                                              "Nomor yang bisa dihubungi sudah saya kirim lewat pesan, silakan dihubungi pada jam kerja.",
                                              "Maaf baru balas. Masalahnya {durasi}, saya tinggal di {desa}, Kecamatan {kec}.",
                                              "Bukti pembayaran dan tangkapan layar sudah saya unggah ulang di aplikasi."]
    static let clarificationReplies = ["Lokasinya di {jalan} {rtrw}, persis {landmark}, Pak.",
                                       "Kejadiannya sudah {durasi}. Foto sudah saya lampirkan ulang di aplikasi.",
                                       "Alamat lengkapnya {jalan} {rtrw} {desa}, Kecamatan {kec}. Titik lokasi sudah saya kirim.",
                                       "Maaf pak baru balas. Tempatnya {landmark}, kalau dari arah {pasar} sebelah kiri jalan."]
    static let thanksReplies = ["Terima kasih, sudah ditangani dengan cepat.", "Alhamdulillah sudah beres, terima kasih Pak/Bu.",
                                "Makasih min, sudah diperbaiki.", "Terima kasih atas tindak lanjutnya, semoga tetap dipantau.",
                                "Sudah saya cek ke lokasi, memang sudah ditangani. Terima kasih."]
    static let objectionReplies = ["Mohon maaf, sampai hari ini belum ada perbaikan di lokasi.",
                                   "Tanggapan ini tidak sesuai dengan kondisi di lapangan; masalahnya masih terjadi.",
                                   "Perbaikannya asal-asalan, baru dua hari sudah rusak lagi.",
                                   "Belum ada petugas yang datang ke lokasi pak, tolong dicek lagi.",
                                   "Jawaban ini terlalu normatif, kami butuh kepastian kapan ditangani."]
    /// Questions a reporter asks, and (same index) the answer a unit gives.
    static let questionReplies = ["Kira-kira kapan pelaksanaannya, Pak?", "Apakah saya perlu datang langsung ke kantor?",
                                  "Baik, saya tunggu. Mohon dikabari lagi kalau sudah ada jadwal.",
                                  "Berkas apa saja yang perlu saya siapkan?"]
    static let clarificationRequests = ["Terima kasih atas laporannya. Mohon dilengkapi titik lokasi yang lebih jelas (nama jalan, RT/RW, patokan) dan foto terbaru agar tim dapat segera meninjau.",
                                        "Yth. Pelapor, untuk menindaklanjuti laporan ini kami memerlukan keterangan tambahan mengenai waktu kejadian dan lokasi persisnya. Mohon ditanggapi melalui kanal ini.",
                                        "Laporan sudah kami terima. Mohon Bapak/Ibu menyampaikan nomor yang bisa dihubungi petugas lapangan atau patokan lokasi yang mudah ditemukan."]
    static let clarificationRequestsGeneral = ["Terima kasih atas laporannya. Mohon dilengkapi nomor registrasi berkas dan tanggal pengajuan agar dapat kami telusuri.",
                                               "Yth. Pelapor, mohon dikirimkan foto dokumen pendukung (bukti pengajuan atau tangkapan layar) melalui kanal ini.",
                                               "Untuk menindaklanjuti laporan ini, mohon disampaikan waktu kejadian dan nama layanan atau kantor yang dimaksud."]
    static let objectionAnswers = ["Mohon maaf atas ketidaknyamanannya. Tim telah kembali ke lokasi pada hari {hari} dan melakukan perbaikan lanjutan. Mohon dikabari bila masih ada kendala.",
                                   "Terima kasih atas tanggapannya. Kami telah berkoordinasi ulang dengan petugas lapangan dan penanganan lanjutan sudah dijadwalkan minggu ini.",
                                   "Menindaklanjuti keberatan Saudara, kami telah melakukan pengecekan ulang bersama perangkat desa {desa_}. Hasilnya telah ditindaklanjuti sesuai kewenangan."]
    static let answersToQuestions = ["Penanganan dijadwalkan dalam dua minggu ke depan; kami akan mengabarkan perkembangannya melalui kanal ini.",
                                     "Tidak perlu datang ke kantor; seluruh proses dapat dipantau melalui LAPOR!. Kami akan mengabarkan perkembangannya.",
                                     "Baik, perkembangan selanjutnya akan kami sampaikan melalui LAPOR! begitu jadwal ditetapkan.",
                                     "Persyaratan yang perlu disiapkan: fotokopi KTP-el, KK, dan surat pengantar dari desa/kelurahan."]

    // MARK: operators' reasons and notes

    static let postponeReasons = ["Menunggu kelengkapan data dari pelapor (lokasi dan foto belum jelas).",
                                  "Perlu klarifikasi identitas pelapor sebelum diverifikasi.",
                                  "Menunggu hasil koordinasi lintas OPD untuk menentukan unit yang berwenang.",
                                  "Uraian laporan kurang lengkap; pelapor sudah diminta melengkapi.",
                                  "Menunggu konfirmasi dari pemerintah desa setempat."]
    static let reopenReasons = ["Pelapor keberatan: permasalahan belum tuntas di lapangan.",
                                "Pelapor menyampaikan masalah terulang kembali setelah laporan ditutup.",
                                "Berdasarkan tanggapan pelapor, tindak lanjut dinilai belum menjawab substansi laporan.",
                                "Hasil pengecekan admin: foto tindak lanjut tidak sesuai lokasi yang dilaporkan."]
    static let redisposeReasons = ["Salah disposisi; substansi laporan merupakan tugas {tujuan}.",
                                   "Lokasi dan pokok masalah berada dalam kewenangan {tujuan}.",
                                   "Dialihkan ke {tujuan} sesuai pembagian tugas pada Perbup tentang SOTK."]
    static let adminNotes = ["Pelapor sudah dihubungi via telepon untuk konfirmasi lokasi.",
                             "Laporan serupa pernah masuk bulan lalu; mohon dicek riwayatnya.",
                             "Foto lampiran sudah diperiksa, sesuai dengan uraian.",
                             "Judul laporan disesuaikan agar lebih jelas.",
                             "Mohon unit terkait memperhatikan batas waktu tindak lanjut."]
    static let liaisonNotes = ["Survei lapangan dijadwalkan hari {hari}.", "Sudah dikoordinasikan dengan bidang teknis.",
                               "Menunggu ketersediaan anggaran pemeliharaan.", "Konsep jawaban sedang dimintakan persetujuan kepala dinas.",
                               "Petugas lapangan sudah dihubungi, laporan hasil menyusul."]
    static let supervisorNotes = ["Mohon segera ditindaklanjuti, sudah melewati batas waktu tindak lanjut pertama.",
                                  "Agar perkembangannya dilaporkan dalam rapat evaluasi pekan ini.",
                                  "Perhatikan kualitas jawaban, hindari jawaban normatif.",
                                  "Laporan ini menjadi perhatian pimpinan, mohon diprioritaskan."]
    static let forwardInReasons = ["Lokasi berada di wilayah Kabupaten {kab}; kewenangan pemerintah kabupaten.",
                                   "Bukan kewenangan provinsi: obyek laporan dikelola Pemerintah Kabupaten {kab}."]

    // MARK: archived reports

    static let archiveReasons: [ArchiveReason: [String]] = [
        .spam: ["Konten promosi/spam, bukan pengaduan.", "Pesan uji coba (tes) tanpa substansi.",
                "Berisi iklan pinjaman online, diarsipkan."],
        .unclear: ["Isi laporan tidak jelas dan pelapor tidak menanggapi permintaan klarifikasi.",
                   "Tidak ada informasi lokasi maupun waktu kejadian.", "Substansi laporan tidak dapat dipahami."],
        .tooGeneral: ["Laporan bersifat umum, tidak menyebut lokasi atau layanan tertentu.",
                      "Berupa keluhan umum tanpa obyek pelayanan yang spesifik."],
        .notPublicService: ["Bukan ranah pelayanan publik (masalah perdata/pribadi antarwarga).",
                            "Sengketa pribadi; pelapor disarankan menempuh mediasi atau jalur hukum.",
                            "Bukan obyek pelayanan publik, diarsipkan sesuai ketentuan."],
        .duplicate: ["Duplikat laporan No. {nomor} dengan substansi yang sama.",
                     "Laporan ganda; sudah ditangani melalui laporan No. {nomor}."],
        .other: ["Pelapor mencabut laporannya.", "Permasalahan sudah terselesaikan sebelum laporan diverifikasi."],
    ]
    /// Archived reports: title and body at the same index belong together.
    static let spamTitles = ["Tes", "Pinjaman Dana Cepat Cair Tanpa Jaminan", "Info Lowongan Kerja Online Gaji Harian", "coba aplikasi lapor"]
    static let spamBodies = ["tes tes, apakah laporan ini masuk? cuma mau coba aplikasinya. kalau masuk berarti aplikasinya jalan ya min, makasih. nanti kalau ada masalah beneran saya lapor lagi",
                             "Butuh dana cepat? Pinjaman tanpa jaminan, cair dalam 1 jam, bunga rendah. Hubungi WA 0812-9000-1234. Proses mudah hanya modal KTP, tanpa survei, bisa untuk semua kalangan.",
                             "Dapatkan penghasilan tambahan dari rumah hanya dengan like dan subscribe. Daftar sekarang lewat link di bio, bonus pendaftaran Rp100.000 langsung cair ke e-wallet Anda hari ini juga.",
                             "halo halo, ini aplikasi pengaduan ya? saya baru download dari play store, mau lihat dulu cara kerjanya bagaimana. maaf kalau salah kirim, terima kasih admin"]
    static let unclearTitles = ["Tolong Pak Segera Ditindak", "Kok Belum Ada Kabar Sampai Sekarang", "Masalah di Desa Kami Tidak Selesai"]
    static let unclearBodies = ["tolong pak segera ditindak itu sudah parah, warga sudah resah semua dari kemarin. kalau tidak ditindak nanti makin parah, saya sudah bilang ke yang lain juga tapi tidak ada yang peduli",
                                "Saya mau tanya kok sampai sekarang belum ada kabarnya ya, padahal sudah lama. Mohon dijawab, saya bingung harus ke mana lagi. Sudah tanya sana sini tidak ada yang tahu.",
                                "Ada masalah di desa kami yang sudah lama tidak selesai. Mohon dibantu karena kami warga kecil tidak tahu harus bagaimana lagi. Terima kasih banyak sebelumnya pak."]
    static let generalTitles = ["Pelayanan Pemerintah di Kabupaten {kab} Lambat Semua", "Jalan di Kabupaten Ini Rusak Semua",
                                "Birokrasi Berbelit-belit di Semua Kantor"]
    static let generalBodies = ["Pelayanan di Kabupaten {kab} lambat semua, di mana-mana harus antre dan dipersulit. Tolong diperbaiki semuanya, jangan cuma janji saat kampanye. Rakyat sudah capek dengan pelayanan seperti ini.",
                                "Hampir semua jalan di kabupaten ini rusak, tidak ada yang bagus. Pajak yang kami bayar ke mana? Mohon pemerintah lebih serius membangun daerah, jangan hanya kota saja yang diperhatikan.",
                                "Urusan apa pun di kantor pemerintah selalu berbelit-belit dan lama. Harus bolak-balik berkali-kali. Mohon sistemnya diperbaiki supaya masyarakat tidak dirugikan terus-menerus."]
    static let privateTitles = ["Tetangga Memelihara Anjing yang Berisik Setiap Malam", "Ditipu Saat Jual Beli Online di Marketplace",
                                "Utang Piutang dengan Saudara Tidak Dibayar", "Sengketa Batas Pagar dengan Tetangga"]
    static let privateBodies = ["Tetangga saya di {rtrw} {desa} memelihara tiga ekor anjing yang menggonggong sepanjang malam. Sudah saya tegur baik-baik tetapi tidak digubris. Mohon pemerintah menegur tetangga saya tersebut.",
                                "Saya membeli HP lewat marketplace seharga {nominal} tetapi barang tidak dikirim dan penjual tidak bisa dihubungi lagi. Mohon bantuan agar uang saya bisa kembali.",
                                "Saudara saya meminjam uang {nominal} dua tahun lalu dan sampai sekarang tidak mau mengembalikan. Setiap ditagih selalu marah. Mohon dibantu penyelesaiannya oleh pemerintah desa.",
                                "Tetangga membangun pagar yang menurut saya melewati batas tanah kami kurang lebih 30 cm. Sudah dibicarakan di RT tapi tidak ada titik temu. Mohon pemerintah turun tangan."]

    // MARK: topics

    static let topics: [DemoTopicSpec] = [
        // Pools whose length is a multiple of `issues` are aligned: entry i belongs to issue i % issues.
        DemoTopicSpec(
            key: "jalan-kabupaten", categories: ["infrastruktur/jalan", "infrastruktur"], weight: 13, unit: "pupr",
            cc: ["$kec"], aspirasiRate: 0.1, infoRate: 0.05, highPriorityRate: 0.06,
            titles: ["Jalan Rusak dan Berlubang di {jalan}, {desa}", "Jalan Berlubang Membahayakan Pengendara di {jalan}",
                     "Kerusakan Jalan Kabupaten Ruas {jalan} Kecamatan {kec} Tidak Kunjung Diperbaiki",
                     "Aspal Mengelupas dan Jalan Bergelombang di {jalan}", "Lubang Besar di Tengah Jalan {landmark}",
                     "Jalan Rusak Parah Menuju {desa}, Sudah Ada Pengendara Jatuh"],
            adminTitles: ["Jalan rusak di {jalan}, {desa}, Kec. {kec}", "Perbaikan jalan berlubang ruas {jalan}"],
            aspirasiTitles: ["Usulan Pengaspalan Ulang Ruas {jalan} Kecamatan {kec}", "Usulan Pelebaran Jalan Menuju {pasar}"],
            infoTitles: ["Jadwal Perbaikan Jalan {jalan} Tahun Ini", "Status Ruas {jalan}: Jalan Kabupaten atau Desa?"],
            problems: ["Jalan di {jalan} tepatnya {landmark} rusak parah dan banyak lubang dengan kedalaman sekitar 20–30 cm.",
                       "Kondisi jalan kabupaten ruas {jalan} menuju {desa} berlubang di banyak titik {durasi}.",
                       "Aspal di {jalan} {rtrw} {desa} sudah mengelupas dan jalan menjadi bergelombang.",
                       "Ada lubang besar di tengah {jalan} {landmark} yang makin lebar setiap hari."],
            details: ["Saat hujan lubang tertutup genangan air sehingga tidak terlihat oleh pengendara, terutama pada malam hari karena lampu jalan juga minim.",
                      "Panjang kerusakan kurang lebih {n}00 meter dan setiap hari dilalui truk bermuatan berat dari galian C.",
                      "Minggu lalu ada pengendara motor yang jatuh karena menghindari lubang, untung tidak ada korban jiwa.",
                      "Warga sempat menambal sendiri dengan batu dan tanah, tetapi rusak lagi setelah hujan deras."],
            impacts: ["Jalan ini adalah akses utama anak-anak ke {sd} dan warga ke {pasar}.",
                      "Ambulans dan mobil pengangkut hasil panen harus memutar jauh karena jalan ini sulit dilalui."],
            requests: ["Mohon Dinas PUPR segera melakukan perbaikan sebelum jatuh korban.",
                       "Kami mohon ruas jalan tersebut dimasukkan dalam jadwal pemeliharaan tahun ini."],
            informal: ["jalan di {jalan} rusak parah pak, lubangnya gede2, udah {durasi} gak dibenerin. tiap hujan kayak kolam",
                       "tolong jalan dkt {landmark} itu diaspal ulang, bahaya bgt buat motor apalagi malem",
                       "Jln ke {desa} ancur min, tiap hari ada aja yg jatuh. Kapan dibenerin??"],
            aspirasi: ["Kami mengusulkan agar ruas {jalan} diaspal ulang dan dilengkapi saluran air di sisi jalan karena kondisi sekarang cepat rusak setiap musim hujan.",
                       "Mohon jalan menuju {pasar} dilebarkan karena setiap pagi terjadi kemacetan oleh kendaraan pengangkut sayur."],
            info: ["Mohon informasi apakah ruas {jalan} di Kecamatan {kec} sudah masuk rencana perbaikan tahun anggaran ini, dan kira-kira kapan pelaksanaannya.",
                   "Saya ingin tahu apakah {jalan} di {desa} termasuk jalan kabupaten atau jalan desa, supaya jelas ke mana harus mengajukan perbaikan."],
            progress: ["Terima kasih atas laporannya. Tim UPT Pemeliharaan Jalan dan Jembatan telah melakukan survei ke lokasi {jalan} dan mencatat titik kerusakan. Penanganan sementara berupa tambal sulam dijadwalkan dalam minggu ini.",
                       "Laporan sudah kami terima. Ruas {jalan} sudah masuk usulan pemeliharaan berkala; sementara ini akan dilakukan penambalan lubang yang membahayakan.",
                       "Ruas tersebut masuk paket rehabilitasi jalan tahun anggaran berjalan. Saat ini dalam proses lelang di LPSE; pekerjaan fisik diperkirakan dimulai bulan depan."],
            done: ["Penambalan lubang di {jalan} telah dilaksanakan oleh tim UPT pada hari {hari}. Dokumentasi pekerjaan terlampir. Terima kasih atas partisipasinya.",
                   "Perbaikan ruas {jalan} sepanjang kurang lebih {n}00 meter telah selesai dikerjakan. Bila masih ada kerusakan, silakan sampaikan kembali melalui LAPOR!."]),
        DemoTopicSpec(
            key: "jalan-desa", categories: ["infrastruktur/jalan", "infrastruktur"], weight: 6, unit: "$kec",
            misroute: "pupr", misrouteRate: 0.35,
            misrouteReasons: ["Jalan lingkungan/desa merupakan kewenangan pemerintah desa; mohon ditangani {tujuan} untuk koordinasi dengan desa.",
                              "Ruas tersebut bukan jalan kabupaten (tidak tercantum dalam SK status jalan); dialihkan ke {tujuan}."],
            cc: ["dpmd"], aspirasiRate: 0.15,
            titles: ["Jalan Desa di {desa} Rusak Parah, Mohon Perbaikan", "Jalan Lingkungan {rtrw} {desa} Becek dan Berlumpur",
                     "Jalan Poros Desa {desa_} Tidak Pernah Diperbaiki", "Jalan Tanah Menuju Dusun di {desa} Tidak Bisa Dilalui Saat Hujan"],
            adminTitles: ["Jalan desa rusak di {desa}, Kec. {kec}", "Jalan lingkungan {rtrw} {desa} rusak"],
            aspirasiTitles: ["Usulan Rabat Beton Jalan Lingkungan {rtrw} {desa}"],
            problems: ["Jalan lingkungan di {rtrw} {desa} masih berupa tanah dan makadam yang rusak.",
                       "Jalan poros desa yang menghubungkan {desa} dengan dusun sebelah rusak parah {durasi}.",
                       "Jalan gang di {rtrw} {desa} amblas di beberapa titik karena saluran di bawahnya jebol."],
            details: ["Saat musim hujan jalan berubah menjadi lumpur sehingga motor sering tergelincir dan anak sekolah harus berjalan kaki.",
                      "Sudah diusulkan lewat musrenbang desa dua tahun berturut-turut namun belum terealisasi.",
                      "Warga sudah iuran untuk membeli sirtu, tetapi tidak cukup untuk seluruh ruas."],
            requests: ["Mohon pihak kecamatan membantu koordinasi dengan pemerintah desa agar perbaikan bisa dianggarkan.",
                       "Mohon perbaikan jalan ini diprioritaskan dalam Dana Desa tahun depan."],
            informal: ["jalan di {rtrw} {desa} kalo hujan kaya sawah pak, motor pada kepleset. desa diem aja",
                       "tolong jln dusun kami diperhatiin dong, udh {durasi} rusak"],
            aspirasi: ["Kami mengusulkan pembangunan rabat beton untuk jalan lingkungan {rtrw} {desa} sepanjang kurang lebih {n}00 meter yang setiap hari dilalui anak sekolah."],
            progress: ["Kecamatan {kec} telah berkoordinasi dengan Pemerintah Desa terkait. Perbaikan jalan tersebut akan diusulkan dalam APBDes perubahan tahun ini.",
                       "Terima kasih. Kasi Pembangunan Kecamatan telah meninjau lokasi bersama perangkat desa {desa_} pada hari {hari}."],
            done: ["Pemerintah Desa telah melakukan pengurukan dan pemadatan jalan lingkungan di {rtrw} bersama warga. Pengaspalan direncanakan melalui Dana Desa tahun depan.",
                   "Perbaikan jalan poros desa {desa_} dengan rabat beton telah selesai dikerjakan melalui Dana Desa. Terima kasih atas laporannya."]),
        DemoTopicSpec(
            key: "jembatan", categories: ["infrastruktur/jembatan", "infrastruktur"], weight: 2.5, unit: "pupr", issues: 3,
            cc: ["bpbd", "$kec"], highPriorityRate: 0.15,
            titles: ["Jembatan Penghubung {desa} Nyaris Ambruk", "Pagar Jembatan di {jalan} Hilang, Rawan Kecelakaan",
                     "Jembatan Bambu di Atas {kali} Rusak dan Membahayakan Warga", "Jembatan {kali} Retak Setelah Banjir",
                     "Pagar Pengaman Jembatan {kali} Roboh", "Papan Jembatan Gantung di {desa} Banyak yang Lepas"],
            adminTitles: ["Jembatan rusak di atas {kali}, {desa}", "Pagar pengaman jembatan hilang di {jalan}",
                          "Jembatan gantung rusak di {desa}"],
            problems: ["Jembatan di atas {kali} yang menghubungkan {desa} dengan desa tetangga kondisinya retak dan lantainya berlubang.",
                       "Pagar pengaman jembatan di {jalan} sudah hilang sebagian {durasi}.",
                       "Jembatan gantung menuju dusun di {desa} tali slingnya sudah berkarat dan papan lantainya banyak yang lepas."],
            details: ["Fondasi jembatan tergerus arus sungai setelah banjir kemarin, kalau dilewati mobil terasa bergoyang.",
                      "Setiap hari jembatan ini dilewati ratusan siswa dan petani yang membawa hasil panen.",
                      "Sudah ada anak yang hampir terjatuh ke sungai karena papan lantai patah."],
            informal: ["jembatan di {kali} udah goyang2 pak, takut ambruk pas anak2 lewat",
                       "pagar jembatan {jalan} ilang min, kemarin ada motor nyaris nyemplung",
                       "jembatan gantung di {desa} papannya pada copot pak, bahaya bgt"],
            progress: ["Tim bidang Bina Marga telah melakukan pemeriksaan kondisi jembatan. Untuk sementara dipasang rambu peringatan dan pembatasan tonase kendaraan.",
                       "Jembatan tersebut sudah masuk daftar prioritas rehabilitasi. Saat ini sedang disusun DED oleh konsultan perencana."],
            done: ["Perbaikan struktur dan lantai jembatan telah selesai dilaksanakan. Jembatan sudah dapat dilalui kembali dengan aman.",
                   "Pagar pengaman jembatan telah dipasang kembali dan dilengkapi rambu serta delineator.",
                   "Papan lantai jembatan telah diganti dan sling diperkuat. Terima kasih atas kepedulian warga."]),
        DemoTopicSpec(
            key: "drainase", categories: ["infrastruktur/drainase", "infrastruktur"], weight: 5, unit: "pupr",
            cc: ["$kec", "dlh"], highPriorityRate: 0.08,
            titles: ["Saluran Drainase Tersumbat, {jalan} Tergenang Setiap Hujan", "Genangan Air di {rtrw} {desa} Tidak Surut Berhari-hari",
                     "Got Mampet dan Bau di {jalan}", "Saluran Air Meluap ke Rumah Warga {desa}"],
            adminTitles: ["Drainase tersumbat di {jalan}, {desa}", "Genangan air di {rtrw} {desa}"],
            problems: ["Saluran drainase di sepanjang {jalan} tersumbat sampah dan sedimen sehingga air meluap ke jalan dan rumah warga.",
                       "Setiap hujan deras lebih dari satu jam, {rtrw} {desa} tergenang air setinggi lutut orang dewasa.",
                       "Gorong-gorong di {landmark} ambrol sehingga air tidak bisa mengalir dan meluap ke jalan."],
            details: ["Gorong-gorong di {landmark} ukurannya terlalu kecil dan sebagian sudah ambrol.",
                      "Air baru surut setelah dua sampai tiga hari dan menimbulkan bau serta jentik nyamuk.",
                      "Sejak ada pembangunan perumahan di sebelah, air kiriman makin banyak masuk ke kampung kami."],
            informal: ["got di {jalan} mampet total min, tiap hujan air masuk rumah. bau lagi",
                       "{rtrw} {desa} banjir lg pak, udh {durasi} drainasenya gak pernah dikeruk"],
            progress: ["Terima kasih. Tim akan melakukan normalisasi saluran di {jalan} dengan pengerukan sedimen. Jadwal pelaksanaan minggu depan, mohon dukungan warga untuk tidak membuang sampah ke saluran.",
                       "Lokasi sudah ditinjau. Penggantian gorong-gorong memerlukan anggaran tersendiri dan sudah kami usulkan; sementara dilakukan pembersihan saluran."],
            done: ["Normalisasi saluran dan penggantian gorong-gorong di lokasi telah selesai dikerjakan. Mohon warga turut menjaga saluran agar tidak tersumbat kembali.",
                   "Pengerukan sedimen sepanjang {n}0 meter saluran di {jalan} telah dilaksanakan bersama warga dan aparat desa."]),
        DemoTopicSpec(
            key: "pju", categories: ["infrastruktur/pju", "infrastruktur"], weight: 4, unit: "dishub", issues: 2,
            misroute: "pupr", misrouteRate: 0.3,
            misrouteReasons: ["Pemeliharaan lampu PJU pada ruas ini ditangani {tujuan}.",
                              "Salah disposisi; PJU menjadi tugas {tujuan} sesuai pembagian kewenangan."],
            titles: ["Lampu Penerangan Jalan Umum Mati di {jalan}", "Tiang PJU Miring di {jalan}, Kabel Menjuntai",
                     "PJU Padam {durasi}, {jalan} Gelap dan Rawan Kejahatan", "Tiang Lampu Jalan {landmark} Nyaris Roboh"],
            adminTitles: ["PJU mati di {jalan}, {desa}", "Tiang PJU miring di {jalan}"],
            problems: ["Lampu PJU di sepanjang {jalan} {landmark} mati {durasi}.",
                       "Tiang lampu PJU di {jalan} miring dan kabelnya menjuntai rendah.",
                       "Ada {n} titik lampu penerangan jalan di {desa} yang padam sehingga jalan gelap total di malam hari.",
                       "Tiang PJU {landmark} keropos di bagian bawah dan miring ke arah jalan."],
            details: ["Beberapa hari lalu terjadi penjambretan di ruas jalan tersebut karena kondisi gelap.",
                      "Kalau angin kencang tiangnya bergoyang dan kabelnya hampir menyentuh kepala pejalan kaki.",
                      "Ruas jalan ini ramai dilalui pekerja pabrik yang pulang shift malam.",
                      "Anak-anak sering bermain di dekat tiang tersebut."],
            informal: ["lampu jalan di {jalan} mati semua min, gelap bgt, rawan begal",
                       "tiang lampu di {jalan} miring bgt pak, takut roboh"],
            progress: ["Laporan telah kami terima. Petugas pemeliharaan PJU akan melakukan pengecekan dan penggantian lampu di {jalan} sesuai jadwal perbaikan.",
                       "Petugas sudah meninjau lokasi dan memasang garis pengaman di sekitar tiang. Penggantian tiang menunggu ketersediaan material."],
            done: ["Penggantian lampu PJU di {jalan} sebanyak {n} titik telah dilaksanakan dan lampu sudah menyala kembali.",
                   "Tiang PJU telah diganti dengan tiang baru dan kabelnya dirapikan."]),
        DemoTopicSpec(
            key: "ktp-el", categories: ["adminduk/ktp-el", "adminduk"], weight: 5, unit: "disdukcapil",
            cc: ["$kec"], ccRate: 0.04, aspirasiRate: 0.02, infoRate: 0.25, located: false,
            titles: ["KTP-el Belum Jadi Padahal Sudah Rekam {durasi}", "Blangko KTP-el Kosong di Kecamatan {kec}",
                     "Pelayanan KTP-el di Disdukcapil Lambat", "Status KTP-el Saya Masih Print Ready Record Sejak Lama",
                     "Penggantian KTP-el Rusak Tidak Kunjung Selesai"],
            adminTitles: ["KTP-el belum tercetak (Kec. {kec})", "Keterlambatan pencetakan KTP-el"],
            infoTitles: ["Syarat Penggantian KTP-el yang Hilang", "Cara Mengurus KTP-el untuk Pemula Usia 17 Tahun"],
            problems: ["Saya sudah melakukan perekaman KTP-el di kantor Kecamatan {kec} {durasi} tetapi sampai sekarang KTP belum juga dicetak.",
                       "Setiap kali ke kecamatan untuk menanyakan KTP-el, petugas selalu menjawab blangko sedang kosong.",
                       "KTP-el saya rusak dan saat mengajukan penggantian di Disdukcapil saya diminta kembali minggu depan, sudah tiga kali."],
            details: ["KTP tersebut sangat saya butuhkan untuk melamar pekerjaan dan membuka rekening bank.",
                      "Antrean di loket sudah dimulai sejak pukul 06.00 dan nomor antrean dibatasi hanya {n}0 orang per hari.",
                      "Saya bekerja di luar kota sehingga tidak bisa bolak-balik setiap minggu."],
            informal: ["ktp sy blm jadi2 pak, udh rekam {durasi}. katanya blangko habis terus",
                       "min ktp el kok lama bgt ya jadinya, padahal buat daftar kerja"],
            info: ["Mohon informasi syarat dan prosedur penggantian KTP-el yang rusak atau hilang, serta apakah bisa diurus secara online.",
                   "Anak saya baru berusia 17 tahun. Bagaimana prosedur perekaman KTP-el pemula dan apakah bisa dilakukan di kecamatan?"],
            progress: ["Terima kasih. Data perekaman Saudara sudah kami cek dan berstatus siap cetak. KTP-el dapat diambil di kantor Disdukcapil dengan membawa bukti perekaman.",
                       "Mohon maaf atas keterlambatan. Ketersediaan blangko KTP-el saat ini sudah normal kembali; pencetakan diprioritaskan sesuai urutan perekaman."],
            done: ["KTP-el atas nama pelapor telah dicetak dan dapat diambil di loket pelayanan Disdukcapil atau Kecamatan {kec} pada jam kerja.",
                   "KTP-el sudah selesai dicetak. Silakan ambil di kantor Kecamatan {kec} dengan membawa KK asli."]),
        DemoTopicSpec(
            key: "kk", categories: ["adminduk/kk", "adminduk"], weight: 2.5, unit: "disdukcapil", issues: 3,
            infoRate: 0.2, located: false,
            titles: ["Pengurusan Kartu Keluarga Tidak Selesai-selesai", "Berkas Permohonan KK Hilang di Desa",
                     "Diminta Biaya Pengurusan KK oleh Oknum di Desa {desa_}", "Perubahan Data KK Setelah Menikah Belum Diproses",
                     "Berkas KK Harus Diulang dari Awal karena Hilang", "Pungutan Pengurusan KK di Desa {desa_}"],
            adminTitles: ["Permohonan perubahan KK belum diproses", "Berkas permohonan KK hilang", "Dugaan pungutan pengurusan KK di {desa}"],
            infoTitles: ["Cara Membuat KK Baru Terpisah Setelah Menikah"],
            problems: ["Saya mengajukan perubahan data kartu keluarga karena penambahan anggota keluarga (kelahiran) {durasi}, tetapi KK baru belum terbit.",
                       "Berkas permohonan KK sudah diserahkan lewat desa, namun katanya hilang dan harus mengulang dari awal.",
                       "Oknum perangkat desa {desa_} meminta {nominal} untuk mengurus perubahan KK, padahal pelayanan adminduk gratis."],
            details: ["Saya membutuhkan KK baru untuk mendaftarkan anak sekolah dan BPJS.",
                      "Sudah saya tanyakan ke kantor dinas, jawabannya server sedang gangguan."],
            informal: ["kk sy blm jadi2 udh {durasi}, katanya nunggu tanda tangan. tanda tangan apa sih lama bgt",
                       "berkas kk sy ilang di desa pak, disuruh ngulang dr awal",
                       "pak ngurus kk di desa kok dimintain uang ya? bukannya gratis"],
            info: ["Saya baru menikah dan ingin membuat KK sendiri terpisah dari orang tua. Apa saja syaratnya dan apakah bisa diurus online?"],
            progress: ["Permohonan sudah kami telusuri. Berkas Saudara sudah masuk dan sedang diproses; KK baru dapat dicetak mandiri setelah ditandatangani secara elektronik.",
                       "Terima kasih. Kami telah mengonfirmasi ke operator desa {desa_}; berkas akan diunggah ulang hari ini.",
                       "Kami telah meminta klarifikasi kepada pemerintah desa {desa_}; pelayanan administrasi kependudukan tidak dipungut biaya."],
            done: ["Kartu Keluarga baru telah terbit dan dikirim ke alamat email yang terdaftar dalam bentuk PDF bertanda tangan elektronik, dapat dicetak sendiri di kertas HVS A4.",
                   "Berkas telah diunggah ulang oleh operator desa dan KK baru sudah terbit.",
                   "KK telah selesai dan dapat diambil di kantor desa. Terkait pungutan, oknum yang bersangkutan telah diberi teguran dan uang dikembalikan."]),
        DemoTopicSpec(
            key: "akta", categories: ["adminduk/akta", "adminduk"], weight: 2, unit: "disdukcapil", issues: 3,
            infoRate: 0.2, located: false,
            titles: ["Akta Kelahiran Anak Belum Terbit {durasi}", "Kesalahan Penulisan Nama di Akta Kelahiran",
                     "Pengurusan Akta Kematian Dipersulit"],
            adminTitles: ["Akta kelahiran belum terbit", "Perbaikan data akta kelahiran", "Pelayanan akta kematian"],
            infoTitles: ["Syarat Pengurusan Akta Kelahiran Terlambat"],
            problems: ["Saya mengurus akta kelahiran anak saya di Disdukcapil {durasi} tetapi hingga saat ini belum terbit.",
                       "Terdapat kesalahan penulisan nama ibu pada akta kelahiran anak saya, dan saat mengajukan perbaikan saya diminta melengkapi banyak berkas tambahan.",
                       "Mengurus akta kematian almarhum bapak saya dipersulit karena surat keterangan kematian dari desa dianggap kurang."],
            details: ["Akta tersebut dibutuhkan untuk pendaftaran sekolah yang batas waktunya minggu depan.",
                      "Saya sudah bolak-balik ke kantor dinas sebanyak {n} kali.",
                      "Akta kematian itu diperlukan untuk mengurus pensiun janda dan balik nama sertifikat."],
            informal: ["akta anak sy blm jadi2 pak, padahal buat daftar sd", "nama di akta salah ketik min, ngurusnya ribet bgt",
                       "ngurus akta kematian bapak sy dipersulit pak, bolak balik terus"],
            info: ["Anak saya lahir empat tahun lalu dan belum punya akta. Apakah masih bisa diurus dan apa saja syaratnya?"],
            progress: ["Permohonan akta kelahiran Saudara sudah kami temukan dan sedang dalam proses verifikasi berkas.",
                       "Untuk perbaikan data, cukup membawa KK dan buku nikah/akta perkawinan asli ke loket pelayanan; tidak perlu surat lain.",
                       "Untuk akta kematian cukup surat keterangan kematian dari desa/kelurahan atau rumah sakit; petugas akan membantu pelapor."],
            done: ["Akta kelahiran telah terbit dan dapat diunduh melalui aplikasi layanan adminduk atau diambil di loket Disdukcapil.",
                   "Perbaikan akta telah selesai diproses. Terima kasih atas kesabarannya.",
                   "Akta kematian telah terbit dan dapat diambil di loket Disdukcapil."]),
        DemoTopicSpec(
            key: "bansos", categories: ["sosial/bansos", "sosial"], weight: 8, unit: "dinsos", issues: 4,
            cc: ["$kec", "inspektorat"], infoRate: 0.18, whistleRate: 0.03, anonymousRate: 0.16, confidentialRate: 0.05,
            located: false,
            titles: ["Bantuan PKH Tidak Cair {durasi}", "Warga Miskin di {rtrw} {desa} Tidak Terdaftar DTKS",
                     "Penerima BLT Dana Desa Tidak Tepat Sasaran di {desa}", "Bansos Beras Dipotong Oknum Pendamping",
                     "Nama Saya Hilang dari Daftar Penerima BPNT", "Lansia Sebatang Kara di {desa} Tidak Pernah Dapat Bantuan",
                     "Pembagian Bansos di {desa} Pilih Kasih", "Penerima PKH Diminta Setor Uang ke Pendamping"],
            adminTitles: ["Bantuan PKH/BPNT tidak diterima", "Warga tidak mampu belum terdaftar DTKS di {desa}",
                          "Dugaan penyaluran bansos tidak tepat sasaran di {desa}", "Dugaan pemotongan bansos di {desa}"],
            infoTitles: ["Cara Mendaftar DTKS untuk Orang Tua Lansia", "Jadwal Pencairan PKH Tahap Berikutnya"],
            problems: ["Saya penerima PKH sejak 2019, namun pencairan tahap terakhir tidak masuk ke rekening KKS saya tanpa pemberitahuan.",
                       "Di {rtrw} {desa} ada beberapa warga lansia yang hidup sendiri dan tidak mampu tetapi tidak terdaftar sebagai penerima bantuan.",
                       "Pembagian BLT di {desa} diduga tidak tepat sasaran karena ada penerima yang memiliki mobil dan rumah bagus.",
                       "Bantuan beras 10 kg yang seharusnya kami terima hanya diberikan 5 kg oleh oknum di {desa}."],
            details: ["Saat ditanyakan ke pendamping PKH, jawabannya data saya sedang dalam proses verifikasi ulang.",
                      "Kondisi rumah mereka sudah reyot dan untuk makan sehari-hari mengandalkan belas kasihan tetangga.",
                      "Sementara itu keluarga yang benar-benar tidak mampu di {rtrw} justru tidak terdata.",
                      "Setiap penerima bantuan juga diminta membayar {nominal} dengan alasan uang transport."],
            informal: ["pkh sy gak cair2 pak, tetangga udah cair semua. kenapa ya",
                       "ada mbah2 di {rtrw} {desa} hidup sendiri gak pernah dapet bantuan min",
                       "bansos di {desa} yg dapet malah org mampu min, yg miskin beneran gak dapet",
                       "bantuan beras dipotong pak, harusnya 10 kg cuma dikasih 5"],
            info: ["Mohon informasi bagaimana cara mendaftarkan orang tua saya yang sudah lansia ke DTKS agar bisa mendapat bantuan sosial.",
                   "Kapan jadwal pencairan bantuan PKH tahap berikutnya dan bagaimana cara mengecek status penerima?"],
            progress: ["Terima kasih. Data Saudara sudah kami cek pada DTKS; status kepesertaan sedang dalam proses pemadanan data dengan Disdukcapil. Pendamping sosial kecamatan akan menghubungi Saudara.",
                       "Laporan telah diteruskan ke pendamping sosial Kecamatan {kec} untuk kunjungan rumah dan pendataan.",
                       "Dinas Sosial bersama Kecamatan {kec} akan melakukan verifikasi ulang data penerima BLT di {desa}.",
                       "Koordinator PKH Kecamatan {kec} telah diminta memanggil pendamping yang bersangkutan untuk klarifikasi."],
            done: ["Bantuan tahap terakhir sudah disalurkan ulang ke rekening KKS penerima. Silakan dicek melalui agen bank terdekat.",
                   "Hasil verifikasi lapangan menunjukkan warga tersebut memenuhi kriteria dan telah diusulkan masuk DTKS melalui musyawarah desa. Penyaluran mengikuti jadwal dari Kementerian Sosial.",
                   "Hasil musyawarah desa: {n} penerima yang tidak memenuhi kriteria telah diganti dengan warga yang lebih berhak.",
                   "Pendamping telah dipanggil dan diberi teguran; dana yang dipungut telah dikembalikan kepada penerima manfaat."]),
        DemoTopicSpec(
            key: "ppdb", categories: ["pendidikan/ppdb", "pendidikan"], weight: 3.5, unit: "disdik", issues: 3,
            aspirasiRate: 0.05, infoRate: 0.3, located: false,
            titles: ["Zonasi PPDB SMP Negeri di Kecamatan {kec} Tidak Adil", "Website PPDB Error Saat Pendaftaran",
                     "Anak Tidak Diterima di {sd} Padahal Kuota Masih Ada", "Dugaan Titipan dalam PPDB {smp}",
                     "Situs PPDB Tidak Bisa Diakses di Hari Pertama", "Anak Ditolak Masuk {sd} karena Kurang Umur"],
            adminTitles: ["Keberatan hasil zonasi PPDB {smp}", "Gangguan sistem PPDB online", "Penolakan calon siswa {sd}"],
            infoTitles: ["Jadwal dan Syarat PPDB Jalur Afirmasi SD/SMP", "Cara Menghitung Jarak Zonasi PPDB"],
            problems: ["Anak saya tidak diterima di {smp} melalui jalur zonasi padahal jarak rumah kami ke sekolah kurang dari 1 km.",
                       "Situs PPDB online tidak bisa diakses sejak hari pertama pendaftaran dan selalu muncul pesan error.",
                       "Anak saya ditolak di {sd} karena umurnya kurang beberapa bulan, padahal kuota masih ada."],
            details: ["Sementara ada siswa yang rumahnya lebih jauh justru diterima, diduga karena menggunakan KK numpang.",
                      "Orang tua terpaksa datang ke sekolah dan antre sejak pagi untuk mendaftar secara manual.",
                      "Saat kami tanyakan ke panitia, jawabannya sistem yang menentukan dan mereka tidak bisa berbuat apa-apa."],
            informal: ["anak sy gak ketrima di {smp} pdhl rumah deket bgt", "web ppdb error terus min dari pagi, gmn nih anak sy blm daftar",
                       "anak sy ditolak sd negeri krn umurnya kurang 2 bulan pak"],
            aspirasi: ["Kami mengusulkan agar kuota jalur zonasi di {smp} ditambah karena jumlah lulusan SD di Kecamatan {kec} terus meningkat."],
            info: ["Mohon informasi jadwal dan syarat pendaftaran PPDB jalur afirmasi untuk SD/SMP negeri di Kabupaten {kab} tahun ini.",
                   "Bagaimana cara panitia menghitung jarak zonasi, apakah dari titik rumah di KK atau dari titik yang kami pilih di peta?"],
            progress: ["Terima kasih. Panitia PPDB telah melakukan verifikasi ulang titik koordinat domisili calon peserta didik di {smp}.",
                       "Gangguan pada server PPDB telah ditangani oleh tim teknis; masa pendaftaran diperpanjang satu hari.",
                       "Dinas telah meminta penjelasan dari {sd}; sesuai juknis, batas usia dapat dikecualikan dengan rekomendasi psikolog."],
            done: ["Hasil verifikasi: ditemukan {n} pendaftar dengan domisili tidak sesuai dan telah dianulir. Putra/putri Saudara masuk dalam daftar penerimaan tahap berikutnya.",
                   "Sistem PPDB sudah normal kembali dan pendaftaran dapat dilakukan. Terima kasih atas laporannya.",
                   "Putra/putri Saudara telah diterima di {sd} setelah melengkapi surat rekomendasi."]),
        DemoTopicSpec(
            key: "ppdb-sma", categories: ["pendidikan/ppdb", "pendidikan"], weight: 2, unit: "disdik", issues: 2,
            forwardAgency: "pemprov-jatim", forwardUnit: "prov-disdik", forwardAtIntake: 0.4,
            forwardReasons: ["Bukan kewenangan Pemerintah Kabupaten {kab}: pengelolaan SMA/SMK negeri merupakan kewenangan Pemerintah Provinsi (UU 23/2014). Diteruskan ke {tujuan}.",
                             "SMA/SMK negeri dikelola provinsi; mohon ditangani {tujuan}."],
            pingPongRate: 0.12,
            pingPongReasons: ["Laporan juga menyangkut kuota zonasi SMP di wilayah yang sama; mohon ditangani {tujuan}.",
                              "Pungutan yang dilaporkan ditarik oleh komite yang diatur Perbup; dikembalikan ke {tujuan}."],
            infoRate: 0.1, located: false,
            titles: ["PPDB {sma} Jalur Zonasi Bermasalah", "Pungutan Daftar Ulang di {sma}",
                     "Anak Saya Tidak Diterima di {sma} Padahal Nilai Tinggi", "Uang Seragam dan Gedung di {sma} Mahal Sekali"],
            adminTitles: ["Keberatan PPDB {sma}", "Dugaan pungutan daftar ulang di {sma}"],
            infoTitles: ["Jadwal dan Jalur PPDB SMA/SMK Negeri Tahun Ini"],
            problems: ["Anak saya mendaftar di {sma} melalui jalur zonasi namun tergeser oleh pendaftar yang jaraknya lebih jauh.",
                       "Saat daftar ulang di {sma}, orang tua diminta membayar uang seragam dan gedung sebesar {nominal}.",
                       "Nilai rapor anak saya cukup tinggi tetapi tidak diterima di jalur prestasi {sma}, sementara yang nilainya lebih rendah diterima.",
                       "Komite {sma} mewajibkan sumbangan pembangunan {nominal} per siswa baru."],
            details: ["Kami sudah menanyakan ke sekolah tetapi diarahkan ke dinas provinsi.",
                      "Tidak ada rincian penggunaan dana dan tidak ada keringanan untuk keluarga tidak mampu."],
            informal: ["ppdb {sma} kacau min, anak sy kegeser terus", "daftar ulang di {sma} disuruh bayar {nominal}, katanya sekolah gratis?"],
            info: ["Kapan jadwal PPDB SMA/SMK negeri tahun ini dan apakah ada jalur afirmasi untuk keluarga pemegang KIP?"],
            progress: ["Terima kasih. Laporan menyangkut SMA/SMK negeri dan sedang kami koordinasikan dengan pihak provinsi."],
            done: ["Sudah dikoordinasikan dengan Cabang Dinas Pendidikan Provinsi; hasil seleksi telah diverifikasi ulang.",
                   "Sudah dikoordinasikan dengan Cabang Dinas Pendidikan Provinsi; sekolah telah membatalkan pungutan tersebut."],
            forwardedProgress: ["Laporan diterima; panitia PPDB provinsi sedang memverifikasi ulang data zonasi {sma}.",
                                "Cabang Dinas Pendidikan Provinsi wilayah {kab} telah memanggil kepala {sma} untuk klarifikasi."],
            forwardedDone: ["Hasil verifikasi ulang zonasi telah diumumkan; terdapat koreksi peringkat dan putra/putri Saudara dinyatakan diterima.",
                            "Pungutan daftar ulang di {sma} dinyatakan tidak sesuai ketentuan dan telah dibatalkan; dana yang sudah dibayar dikembalikan."]),
        DemoTopicSpec(
            key: "sekolah", categories: ["pendidikan/sekolah", "pendidikan"], weight: 2.5, unit: "disdik", issues: 4,
            cc: ["inspektorat", "$kec"], ccRate: 0.12, whistleRate: 0.05, anonymousRate: 0.2, confidentialRate: 0.06,
            located: false,
            titles: ["Pungutan Uang Perpisahan di {sd} Memberatkan Orang Tua", "Atap Kelas {sd} Bocor dan Nyaris Roboh",
                     "Penahanan Ijazah oleh {smp} karena Tunggakan", "Siswa {sd} Diwajibkan Membeli LKS dari Sekolah"],
            adminTitles: ["Pungutan perpisahan di {sd}", "Kerusakan ruang kelas {sd}", "Penahanan ijazah di {smp}",
                          "Kewajiban membeli LKS di {sd}"],
            problems: ["Pihak {sd} menarik iuran {nominal} per siswa untuk kegiatan perpisahan dan study tour, padahal tidak semua orang tua mampu.",
                       "Ruang kelas IV di {sd} atapnya bocor dan plafonnya sudah jebol sebagian.",
                       "Ijazah anak saya ditahan oleh {smp} karena masih ada tunggakan uang komite {nominal}.",
                       "Siswa di {sd} diwajibkan membeli LKS dan buku paket dari sekolah seharga {nominal} per semester."],
            details: ["Yang tidak membayar diancam tidak boleh ikut ujian.", "Kalau hujan, siswa terpaksa dipindah belajar di teras musala.",
                      "Ijazah tersebut sangat diperlukan untuk melamar kerja.", "Mohon identitas saya dirahasiakan karena anak saya masih bersekolah di sana."],
            informal: ["sekolah anak sy minta uang perpisahan {nominal}, berat pak", "atap kelas {sd} bocor parah min, kasian anak2",
                       "ijazah anak sy ditahan {smp} gara2 nunggak, gmn ini pak", "anak sd disuruh beli lks {nominal} tiap semester, wajib katanya"],
            progress: ["Dinas Pendidikan telah memanggil kepala sekolah untuk klarifikasi. Sesuai Permendikbud 44/2012, sekolah negeri dilarang memungut biaya dari peserta didik.",
                       "Pengawas sekolah wilayah {kec} telah meninjau kondisi ruang kelas dan membuat berita acara kerusakan.",
                       "Dinas Pendidikan telah menghubungi kepala {smp}; ijazah tidak boleh ditahan dengan alasan apa pun.",
                       "Kepala {sd} telah diminta menghentikan kewajiban pembelian LKS; buku dapat dipinjam dari perpustakaan sekolah."],
            done: ["Pungutan telah dibatalkan dan dana yang sudah disetor dikembalikan melalui komite sekolah.",
                   "Perbaikan atap ruang kelas telah dianggarkan melalui DAK fisik dan dikerjakan pada masa libur semester.",
                   "Ijazah telah diserahkan kepada orang tua/wali tanpa syarat.",
                   "Kewajiban membeli LKS telah dicabut dan sekolah menerbitkan surat edaran kepada orang tua."]),
        DemoTopicSpec(
            key: "sampah", categories: ["lingkungan-hidup/sampah", "lingkungan-hidup"], weight: 4.5, unit: "dlh", issues: 3,
            cc: ["$kec", "satpolpp"], aspirasiRate: 0.08,
            titles: ["Tumpukan Sampah di TPS {pasar} Tidak Diangkut {durasi}", "Pembuangan Sampah Liar di Pinggir {jalan}",
                     "Jadwal Pengangkutan Sampah di {desa} Tidak Teratur", "TPS {pasar} Meluber ke Badan Jalan",
                     "Sampah Dibakar Setiap Malam di Dekat Permukiman {rtrw}", "Iuran Sampah Ditarik tapi Petugas Jarang Datang"],
            adminTitles: ["Sampah tidak terangkut di TPS {pasar}", "Pembuangan sampah liar di {jalan}", "Pengangkutan sampah tidak teratur di {desa}"],
            aspirasiTitles: ["Usulan Bank Sampah dan TPS3R di {desa}"],
            problems: ["Sampah di TPS {pasar} sudah menggunung dan meluber ke badan jalan karena truk pengangkut tidak datang {durasi}.",
                       "Banyak orang dari luar desa membuang sampah sembarangan di pinggir {jalan} dekat {landmark}.",
                       "Petugas sampah hanya datang seminggu sekali padahal iuran sampah tetap ditarik setiap bulan."],
            details: ["Baunya menyengat sampai ke permukiman dan banyak lalat, warga khawatir muncul penyakit.",
                      "Sampah sering dibakar pada malam hari sehingga asapnya masuk ke rumah warga.",
                      "Sampah rumah tangga menumpuk di depan rumah sampai berhari-hari dan dibongkar kucing."],
            informal: ["tps {pasar} penuh bgt min, bau sampe mana2, truk gak dateng2", "tolong ada yg buang sampah sembarangan di {jalan} tiap malem",
                       "sampah di {desa} udah seminggu gak diambil pak, iuran tetep ditarik"],
            aspirasi: ["Kami mengusulkan pembangunan TPS3R dan pendampingan bank sampah di {desa} agar sampah bisa dipilah dari rumah tangga."],
            progress: ["Terima kasih atas laporannya. Armada pengangkutan sampah dijadwalkan mengangkut sampah di lokasi tersebut besok pagi.",
                       "Tim DLH sudah meninjau lokasi pembuangan liar dan akan berkoordinasi dengan Satpol PP untuk pengawasan.",
                       "DLH telah menegur petugas pengangkut dan menyusun ulang rute pengangkutan untuk wilayah {desa}."],
            done: ["Sampah di TPS telah diangkut seluruhnya dan jadwal pengangkutan ditambah menjadi setiap hari.",
                   "Lokasi pembuangan liar telah dibersihkan dan dipasang CCTV serta papan larangan.",
                   "Jadwal pengangkutan di {desa} kini tetap setiap Senin, Rabu, dan Jumat pagi."]),
        DemoTopicSpec(
            key: "pencemaran", categories: ["lingkungan-hidup/pencemaran", "lingkungan-hidup"], weight: 2.5, unit: "dlh", issues: 4,
            cc: ["dinkes", "$kec"], ccRate: 0.12, whistleRate: 0.04, anonymousRate: 0.2, confidentialRate: 0.08,
            titles: ["Limbah Pabrik {pt} Mencemari {kali}", "Bau Menyengat dari Peternakan Ayam di {desa}",
                     "Air Sumur Warga Berubah Warna Diduga Tercemar Limbah", "Asap Hitam Cerobong {pt} Ganggu Warga {desa}"],
            adminTitles: ["Dugaan pencemaran {kali} oleh {pt}", "Bau dari peternakan ayam di {desa}",
                          "Dugaan pencemaran air sumur di {desa}", "Pencemaran udara dari {pt}"],
            problems: ["Limbah cair dari {pt} dibuang langsung ke {kali} sehingga air sungai berwarna hitam dan berbau.",
                       "Sejak beroperasinya peternakan ayam di {desa}, warga sekitar mencium bau menyengat setiap hari.",
                       "Air sumur warga di {rtrw} {desa} berubah kekuningan dan berbau sejak ada pabrik di dekat permukiman.",
                       "Cerobong {pt} mengeluarkan asap hitam pekat hampir setiap malam dan jelaganya menempel di jemuran warga {desa}."],
            details: ["Ikan-ikan di sungai banyak yang mati dan warga tidak bisa lagi memakai air sungai untuk mengairi sawah.",
                      "Lalat dari peternakan masuk ke rumah warga dan warung makan.",
                      "Beberapa anak mengalami gatal-gatal setelah mandi dengan air sumur.",
                      "Warga, terutama anak-anak dan lansia, mengeluh batuk dan sesak napas."],
            informal: ["sungai di {desa} item pekat min, bau bgt, pasti limbah pabrik", "bau kotoran ayam dr peternakan sampe rumah pak, gak bisa makan",
                       "air sumur sy jd kuning & bau pak sejak ada pabrik", "asep item dr cerobong pabrik tiap malem min, jemuran jd item"],
            progress: ["Tim pengawas lingkungan hidup telah mengambil sampel air di {kali} guna diuji di laboratorium.",
                       "Pemilik peternakan telah dipanggil untuk klarifikasi terkait dokumen lingkungan dan pengelolaan kotoran ternak.",
                       "Tim DLH bersama Puskesmas telah mengambil sampel air sumur warga untuk uji laboratorium.",
                       "Tim pengawas telah memeriksa cerobong dan dokumen UKL-UPL {pt}."],
            done: ["Hasil uji laboratorium menunjukkan parameter melebihi baku mutu. {pt} telah dikenai sanksi administratif berupa paksaan pemerintah untuk memperbaiki IPAL dalam 30 hari.",
                   "Usaha peternakan telah diwajibkan memperbaiki pengelolaan kotoran dan menanam pohon penyangga; pengawasan berkala akan dilakukan.",
                   "Hasil uji menunjukkan air sumur tidak layak minum; perusahaan diwajibkan memperbaiki IPAL dan menyediakan air bersih sementara bagi warga terdampak.",
                   "{pt} telah diwajibkan memasang alat pengendali emisi dan pemantauan dilakukan setiap bulan."]),
        DemoTopicSpec(
            key: "pdam", categories: ["air-minum"], weight: 5, unit: "pdam", issues: 4,
            cc: ["$kec"], ccRate: 0.03, infoRate: 0.06, highPriorityRate: 0.12,
            titles: ["Air PDAM Mati {durasi} di {desa}", "Air PDAM di {desa} Keruh dan Berbau", "Tagihan PDAM Membengkak Tidak Wajar",
                     "Pipa PDAM Bocor di {jalan}, Air Terbuang Percuma"],
            adminTitles: ["Gangguan distribusi air PDAM di {desa}", "Kualitas air PDAM keruh di {desa}", "Keberatan tagihan PDAM",
                          "Kebocoran pipa PDAM di {jalan}"],
            infoTitles: ["Biaya Pasang Baru Sambungan PDAM"],
            problems: ["Air PDAM di {rtrw} {desa} tidak mengalir {durasi}, kalaupun mengalir hanya tengah malam dan sangat kecil.",
                       "Air yang keluar dari kran PDAM berwarna kecoklatan dan berbau kaporit sangat kuat.",
                       "Tagihan PDAM bulan ini mencapai {nominal}, padahal biasanya hanya sekitar Rp80.000 dan pemakaian kami tidak berubah.",
                       "Pipa PDAM di {jalan} {landmark} bocor dan airnya menyembur ke jalan."],
            details: ["Kami terpaksa membeli air galon untuk masak dan mandi.",
                      "Air tidak bisa dipakai untuk memasak dan anak saya sempat diare.",
                      "Meteran air sudah saya foto dan angkanya tidak sesuai dengan yang tercantum di tagihan.",
                      "Sudah menelepon call center tetapi hanya dijawab akan diteruskan ke bagian teknik."],
            informal: ["pdam mati lg pak di {desa}, udh 3 hari. mandi pake apa ini", "air pdam keruh kaya teh susu min, bau kaporit jg",
                       "tagihan pdam sy naik gila2an min, cek dong meterannya", "pipa pdam bocor di {jalan} muncrat ke jalan dr kemarin"],
            info: ["Berapa biaya dan syarat pemasangan sambungan baru PDAM untuk rumah di {desa}, Kecamatan {kec}?"],
            progress: ["Mohon maaf atas ketidaknyamanan. Saat ini sedang dilakukan perbaikan pipa transmisi di wilayah {kec} sehingga distribusi air terganggu. Mobil tangki air bersih dikirim ke lokasi.",
                       "Tim produksi sedang melakukan pengurasan reservoir dan pembilasan jaringan di wilayah {kec}.",
                       "Petugas pembaca meter akan melakukan pengecekan ulang meteran di lokasi pelanggan.",
                       "Tim teknik telah dijadwalkan memperbaiki kebocoran di {jalan} hari ini."],
            done: ["Perbaikan pipa telah selesai dan aliran air ke {desa} sudah normal kembali.",
                   "Pembilasan jaringan telah selesai dan hasil uji kualitas air sudah memenuhi standar.",
                   "Hasil pengecekan: terjadi kesalahan pencatatan meter. Tagihan telah dikoreksi dan kelebihan bayar diperhitungkan pada rekening bulan berikutnya.",
                   "Kebocoran pipa di {jalan} telah ditambal oleh tim teknik. Terima kasih atas laporannya."]),
        DemoTopicSpec(
            key: "puskesmas", categories: ["kesehatan/puskesmas", "kesehatan"], weight: 4, unit: "dinkes", issues: 4,
            cc: ["$kec"], ccRate: 0.03, aspirasiRate: 0.05, infoRate: 0.05, anonymousRate: 0.16, located: false,
            titles: ["Antrean di {puskesmas} Sangat Lama", "Obat di {puskesmas} Sering Kosong",
                     "Dokter Tidak Ada di {puskesmas} Saat Jam Pelayanan", "Petugas {puskesmas} Tidak Ramah kepada Pasien BPJS"],
            adminTitles: ["Antrean pelayanan di {puskesmas}", "Ketersediaan obat di {puskesmas}", "Kehadiran dokter di {puskesmas}",
                          "Sikap petugas {puskesmas}"],
            problems: ["Saya membawa anak berobat ke {puskesmas} dan harus menunggu lebih dari 3 jam, padahal datang sejak pukul 07.00.",
                       "Pasien diminta membeli obat sendiri di apotek luar karena stok obat di {puskesmas} kosong.",
                       "Saat jam pelayanan tidak ada dokter di {puskesmas}, pasien hanya dilayani perawat.",
                       "Petugas pendaftaran {puskesmas} membentak ibu saya yang lansia karena lupa membawa kartu BPJS."],
            details: ["Loket pendaftaran baru buka pukul 08.30, terlambat dari jadwal yang tertulis.",
                      "Obat yang diminta beli di luar adalah obat rutin untuk hipertensi ibu saya.",
                      "Pasien yang butuh pemeriksaan dokter diminta kembali besok.",
                      "Petugas berbicara dengan nada tinggi kepada pasien lansia yang kurang paham prosedur."],
            informal: ["antri di {puskesmas} lama bgt pak, dr pagi sampe siang blm dipanggil", "obat di puskesmas kosong terus min, disuruh beli di luar",
                       "dokter di puskesmas gak ada pak, jam 9 blm dateng", "petugas puskesmas judes bgt min sama pasien bpjs"],
            progress: ["Terima kasih atas masukannya. Kepala {puskesmas} telah kami minta melakukan evaluasi alur pendaftaran dan menambah petugas loket pada jam sibuk.",
                       "Dinas Kesehatan sedang memproses pengiriman obat dari Instalasi Farmasi Kabupaten ke {puskesmas}.",
                       "Kepala {puskesmas} telah diminta memperbaiki jadwal jaga dokter dan mengumumkannya di ruang tunggu.",
                       "Petugas yang bersangkutan telah dipanggil oleh Kepala {puskesmas} untuk klarifikasi."],
            done: ["{puskesmas} telah menerapkan sistem antrean online dan menambah petugas loket pada jam sibuk.",
                   "Stok obat telah dipenuhi dari Instalasi Farmasi Kabupaten.",
                   "Jadwal dokter jaga telah diperbaiki dan ditempel di ruang tunggu.",
                   "Petugas yang bersangkutan telah mendapat pembinaan dan diwajibkan mengikuti pelatihan pelayanan prima."]),
        DemoTopicSpec(
            key: "rsud", categories: ["kesehatan/rumah-sakit", "kesehatan"], weight: 3, unit: "rsud", issues: 3,
            anonymousRate: 0.15, confidentialRate: 0.05, highPriorityRate: 0.08, located: false,
            titles: ["Pasien BPJS Ditolak di IGD RSUD {kab}", "Pelayanan Rawat Inap RSUD {kab} Kurang Memuaskan",
                     "Antrean Poli Spesialis RSUD Sampai Sore"],
            adminTitles: ["Pelayanan IGD RSUD {kab}", "Kebersihan ruang rawat inap RSUD {kab}", "Antrean poli spesialis RSUD {kab}"],
            problems: ["Ayah saya dibawa ke IGD RSUD {kab} dengan sesak napas, namun disuruh menunggu lama dengan alasan kamar penuh.",
                       "Kamar mandi di ruang rawat inap kelas III kotor dan air sering mati.",
                       "Pasien poli spesialis penyakit dalam harus antre dari subuh dan baru diperiksa menjelang sore."],
            details: ["Kami akhirnya membawa ayah ke rumah sakit swasta dengan biaya sendiri.",
                      "Perawat jaga juga sulit ditemui saat malam hari.", "Nomor antrean online tidak berlaku, tetap harus antre manual."],
            informal: ["igd rsud lama bgt pak, pasien sesak disuruh nunggu", "kamar mandi ruang inap kelas 3 rsud jorok bgt pak",
                       "antri poli di rsud dr subuh sampe sore, capek min"],
            progress: ["Manajemen RSUD {kab} telah menerima laporan dan melakukan klarifikasi kepada petugas jaga IGD pada waktu kejadian.",
                       "Bagian umum RSUD telah memperbaiki saluran air dan menambah jadwal kebersihan ruang rawat inap.",
                       "Bagian pelayanan sedang mengevaluasi sistem antrean poli spesialis."],
            done: ["RSUD telah melakukan evaluasi prosedur triase IGD dan menambah tempat tidur observasi. Petugas terkait telah mendapat pembinaan.",
                   "Kamar mandi ruang rawat inap kelas III telah diperbaiki dan diperiksa setiap pergantian jaga.",
                   "Sistem antrean online poli spesialis telah diperbaiki dan jam praktik dokter ditambah."]),
        DemoTopicSpec(
            key: "bpjs", categories: ["kesehatan/bpjs", "kesehatan"], weight: 3, unit: "dinkes", issues: 3,
            forwardAgency: "bpjs-kesehatan", forwardUnit: "bpjs-cabang", forwardAtIntake: 0.5,
            forwardReasons: ["Kepesertaan dan layanan JKN merupakan kewenangan BPJS Kesehatan; diteruskan ke {tujuan}.",
                             "Bukan kewenangan dinas: kepesertaan, iuran, dan denda layanan JKN ditangani {tujuan}."],
            infoRate: 0.1, located: false,
            titles: ["Kepesertaan BPJS PBI Dinonaktifkan Tanpa Pemberitahuan", "Denda BPJS Rawat Inap Memberatkan",
                     "Pindah Faskes BPJS Tidak Bisa Diproses", "Kartu BPJS Kesehatan Tidak Aktif Saat Berobat",
                     "Tagihan Denda Layanan BPJS Mandiri Tidak Wajar", "Permohonan Pindah Faskes Tingkat Pertama Ditolak Terus"],
            adminTitles: ["Kepesertaan BPJS Kesehatan nonaktif", "Denda layanan BPJS Kesehatan", "Perubahan faskes BPJS Kesehatan"],
            infoTitles: ["Cara Mengaktifkan Kembali BPJS PBI"],
            problems: ["Kartu BPJS Kesehatan PBI milik ibu saya tiba-tiba tidak aktif saat akan berobat di {puskesmas}.",
                       "Saya dikenai denda pelayanan rawat inap {nominal} karena tunggakan iuran BPJS mandiri.",
                       "Permohonan pindah faskes tingkat pertama saya ditolak terus di aplikasi Mobile JKN."],
            details: ["Ibu saya harus rutin kontrol karena diabetes.", "Saya sudah melunasi tunggakan tetapi masih dikenai denda.",
                      "Faskes yang sekarang jauh dari rumah, sekitar 15 km."],
            informal: ["bpjs ibu sy tiba2 nonaktif pak pas mau berobat", "denda bpjs mahal bgt min, gmn ini",
                       "pindah faskes bpjs ditolak mulu min di aplikasi"],
            info: ["Bagaimana cara mengaktifkan kembali kepesertaan BPJS PBI yang dinonaktifkan? Apakah harus lewat dinas sosial?"],
            progress: ["Laporan menyangkut kepesertaan JKN; kami koordinasikan dengan BPJS Kesehatan."],
            done: ["Permasalahan telah diselesaikan setelah koordinasi dengan BPJS Kesehatan dan Dinas Sosial."],
            forwardedProgress: ["BPJS Kesehatan Kantor Cabang telah mengecek status kepesertaan. Peserta dinonaktifkan karena pemutakhiran data PBI; reaktivasi dapat diajukan melalui Dinas Sosial dengan surat keterangan tidak mampu.",
                                "Terima kasih. Petugas BPJS SATU! di rumah sakit akan menghubungi pelapor untuk penjelasan denda layanan.",
                                "BPJS Kesehatan sedang memproses permohonan perubahan faskes peserta."],
            forwardedDone: ["Kepesertaan peserta telah aktif kembali per hari ini dan dapat digunakan di faskes.",
                            "Perhitungan denda telah dijelaskan kepada peserta sesuai Perpres 64/2020; peserta dapat mengajukan program cicilan REHAB.",
                            "Faskes tingkat pertama peserta telah dipindahkan dan berlaku mulai bulan depan."]),
        DemoTopicSpec(
            key: "perizinan", categories: ["perizinan/pbg", "perizinan/usaha", "perizinan"], weight: 3, unit: "dpmptsp", issues: 3,
            cc: ["pupr", "satpolpp"], ccRate: 0.06, aspirasiRate: 0.04, infoRate: 0.3, located: false,
            titles: ["Pengurusan PBG Lebih dari 3 Bulan Belum Terbit", "NIB Melalui OSS Tidak Bisa Diproses",
                     "Bangunan Tanpa PBG Berdiri di {jalan}", "Permohonan PBG di SIMBG Tidak Ada Kejelasan",
                     "Kendala Pengurusan NIB di Mal Pelayanan Publik", "Ruko Tiga Lantai di {jalan} Diduga Tidak Berizin"],
            adminTitles: ["Keterlambatan penerbitan PBG", "Kendala NIB di OSS", "Bangunan tanpa PBG di {jalan}"],
            infoTitles: ["Syarat dan Biaya Retribusi PBG Rumah Tinggal", "Cara Mengurus NIB dan PIRT untuk Usaha Rumahan"],
            problems: ["Saya mengajukan Persetujuan Bangunan Gedung (PBG) melalui SIMBG {durasi}, tetapi statusnya masih menunggu verifikasi teknis.",
                       "Permohonan NIB saya di OSS gagal terus karena KBLI tidak sesuai, dan saat datang ke Mal Pelayanan Publik petugas tidak bisa membantu.",
                       "Ada bangunan ruko tiga lantai di {jalan} yang dibangun tanpa papan PBG dan mepet sekali dengan saluran air."],
            details: ["Tanpa PBG saya tidak bisa mencairkan kredit bank untuk pembangunan.",
                      "Usaha saya tidak bisa ikut pengadaan karena belum punya NIB.",
                      "Bangunan tersebut juga menutup sebagian saluran air di depannya."],
            informal: ["ngurus pbg lama bgt pak, udh {durasi} blm kelar", "oss error terus min, nib gak jadi2",
                       "ada ruko dibangun gak pake izin di {jalan} pak, mepet got"],
            info: ["Mohon informasi persyaratan dan biaya retribusi PBG untuk rumah tinggal dua lantai di Kecamatan {kec}.",
                   "Saya pelaku UMKM makanan rumahan. Bagaimana cara mengurus NIB dan sertifikat PIRT, apakah bisa dibantu di MPP?"],
            progress: ["Terima kasih. Berkas PBG Saudara sudah kami telusuri; saat ini menunggu jadwal sidang Tim Profesi Ahli (TPA). Jadwal akan diinformasikan melalui SIMBG.",
                       "Petugas helpdesk OSS di MPP akan menghubungi Saudara untuk pendampingan perbaikan data KBLI.",
                       "Tim teknis bersama Satpol PP akan meninjau bangunan di {jalan} untuk memeriksa kelengkapan perizinannya."],
            done: ["PBG telah terbit dan dapat diunduh melalui akun SIMBG. Retribusi sudah terverifikasi lunas.",
                   "Petugas helpdesk OSS di MPP telah membantu perbaikan data KBLI dan NIB Saudara sudah terbit.",
                   "Pemilik bangunan telah diberi surat peringatan dan diwajibkan mengurus PBG; pembangunan dihentikan sementara."]),
        DemoTopicSpec(
            key: "ketertiban", categories: ["ketertiban"], weight: 3.5, unit: "satpolpp", issues: 3,
            cc: ["$kec", "dishub"], aspirasiRate: 0.04,
            titles: ["PKL Berjualan di Trotoar {jalan}", "Tempat Karaoke di {desa} Beroperasi Melewati Batas Jam",
                     "Bangunan Liar di Bantaran {kali}"],
            adminTitles: ["PKL di trotoar {jalan}", "Tempat hiburan melanggar jam operasional di {desa}", "Bangunan liar di bantaran {kali}"],
            problems: ["Pedagang kaki lima memenuhi trotoar di {jalan} sekitar {pasar} sehingga pejalan kaki terpaksa berjalan di badan jalan.",
                       "Sebuah kafe karaoke di {desa} beroperasi sampai pukul 02.00 dini hari dengan suara musik sangat keras.",
                       "Di bantaran {kali} dekat {landmark} berdiri bangunan semi permanen yang mempersempit aliran sungai."],
            details: ["Sudah sering ditertibkan tetapi beberapa hari kemudian kembali lagi.",
                      "Banyak pengunjung yang mabuk dan membuat keributan.",
                      "Saat hujan deras, aliran sungai tersumbat dan air meluap ke permukiman."],
            informal: ["pkl di {jalan} makan trotoar semua min, jalan kaki susah", "karaoke di {desa} berisik sampe pagi pak, tolong ditindak",
                       "bangunan liar di pinggir {kali} makin banyak min, sungai jd sempit"],
            progress: ["Satpol PP telah melakukan patroli dan memberikan teguran lisan kepada pedagang di lokasi.",
                       "Pemilik usaha telah dipanggil dan diminta menunjukkan izin operasional.",
                       "Satpol PP bersama Dinas PUPR telah mendata bangunan di bantaran dan memberikan surat peringatan pertama."],
            done: ["Telah dilakukan penertiban dan relokasi PKL ke area yang disediakan pada hari {hari}. Patroli rutin akan dilakukan untuk mencegah PKL kembali.",
                   "Tempat usaha telah disegel sementara karena melanggar jam operasional sesuai Perda tentang ketertiban umum.",
                   "Bangunan liar di bantaran {kali} telah dibongkar setelah peringatan ketiga."]),
        DemoTopicSpec(
            key: "parkir", categories: ["perhubungan"], weight: 2, unit: "dishub", issues: 3,
            cc: ["satpolpp"], aspirasiRate: 0.08,
            titles: ["Tarif Parkir di {pasar} Melebihi Ketentuan", "Parkir Liar di Depan {pasar} Bikin Macet",
                     "Rambu Lalu Lintas di Pertigaan {jalan} Roboh"],
            adminTitles: ["Tarif parkir tidak resmi di {pasar}", "Parkir liar di {pasar}", "Rambu roboh di pertigaan {jalan}"],
            aspirasiTitles: ["Usulan Lampu Lalu Lintas di Simpang {jalan}"],
            problems: ["Juru parkir di {pasar} menarik tarif {nominal} untuk motor tanpa karcis resmi.",
                       "Kendaraan parkir di dua sisi {jalan} sehingga terjadi kemacetan panjang setiap pagi dan sore.",
                       "Rambu dilarang parkir di pertigaan {jalan} roboh {durasi} dan belum diganti."],
            details: ["Kalau tidak mau bayar, juru parkirnya marah-marah.", "Angkot dan bus sekolah sering terjebak macet di lokasi tersebut.",
                      "Sudah dua kali terjadi tabrakan kecil di pertigaan itu bulan ini."],
            informal: ["parkir di {pasar} ditarik {nominal} pak, karcis gak ada", "macet parah tiap pagi gara2 parkir liar di {jalan}",
                       "rambu di pertigaan {jalan} roboh min, udh lama gak dipasang lg"],
            aspirasi: ["Kami mengusulkan pemasangan lampu lalu lintas di simpang {jalan} karena sering terjadi kecelakaan pada jam sibuk."],
            progress: ["Dinas Perhubungan telah menurunkan petugas untuk menertibkan parkir di lokasi dan memeriksa juru parkir.",
                       "Petugas Dishub dijadwalkan berjaga di lokasi pada jam sibuk pagi dan sore.",
                       "Rambu pengganti sedang disiapkan oleh bidang lalu lintas."],
            done: ["Juru parkir tidak resmi telah ditertibkan dan dipasang papan tarif parkir resmi sesuai Perda.",
                   "Telah dipasang rambu larangan parkir dan dilakukan penderekan kendaraan yang melanggar.",
                   "Rambu lalu lintas di pertigaan {jalan} telah dipasang kembali."]),
        DemoTopicSpec(
            key: "dana-desa", categories: ["dana-desa"], weight: 3, unit: "dpmd", issues: 3,
            cc: ["inspektorat", "$kec"], ccRate: 0.2, aspirasiRate: 0.03, infoRate: 0.05, whistleRate: 0.1,
            anonymousRate: 0.3, confidentialRate: 0.12,
            titles: ["Pembangunan Rabat Beton Dana Desa {desa} Tidak Sesuai Spesifikasi", "Transparansi APBDes {desa} Tidak Ada",
                     "BUMDes {desa_} Tidak Jelas Laporan Keuangannya", "Dugaan Penyelewengan Dana Desa di {desa}",
                     "Papan Informasi APBDes {desa} Tidak Pernah Dipasang", "Modal BUMDes {desa_} Raib, Usaha Mangkrak"],
            adminTitles: ["Dugaan penyimpangan pekerjaan Dana Desa {desa}", "Keterbukaan informasi APBDes {desa}",
                          "Pengelolaan BUMDes {desa_}"],
            problems: ["Pembangunan rabat beton di {rtrw} {desa} yang dibiayai Dana Desa sudah retak-retak padahal baru selesai {durasi}.",
                       "Papan informasi APBDes tidak pernah dipasang dan warga tidak tahu penggunaan anggaran desa.",
                       "Modal BUMDes {desa_} sebesar ratusan juta tidak jelas penggunaannya dan usahanya sudah tidak berjalan."],
            details: ["Ketebalan beton diduga hanya sekitar 8 cm, tidak sesuai papan proyek yang menyebut 15 cm.",
                      "Saat warga menanyakan di musyawarah desa, kepala desa tidak memberikan jawaban yang jelas.",
                      "Mohon identitas saya dirahasiakan karena saya khawatir mendapat tekanan dari perangkat desa."],
            informal: ["jalan beton dana desa di {desa} baru jadi udh retak pak", "apbdes {desa} gak pernah dipasang min",
                       "bumdes {desa_} gak jelas duitnya kemana pak"],
            info: ["Bagaimana cara warga mendapatkan salinan APBDes dan laporan realisasi Dana Desa {desa}?"],
            progress: ["Laporan telah kami teruskan kepada Tim Pembina Kecamatan {kec} untuk melakukan monitoring ke {desa}.",
                       "Pemerintah desa telah diminta memasang baliho APBDes sesuai ketentuan transparansi.",
                       "DPMD telah meminta pengurus BUMDes {desa_} menyampaikan laporan keuangan dan akan dilakukan pembinaan."],
            done: ["Hasil monitoring: volume pekerjaan kurang dari RAB. Pemerintah desa diminta melakukan perbaikan dan hasilnya telah dicek kembali oleh tim. Inspektorat akan melakukan audit reguler.",
                   "Baliho APBDes telah dipasang di depan balai desa dan laporan realisasi disampaikan dalam musyawarah desa.",
                   "Laporan keuangan BUMDes telah disampaikan dalam musyawarah desa; Inspektorat akan melakukan audit."]),
        DemoTopicSpec(
            key: "naker", categories: ["ketenagakerjaan"], weight: 2.5, unit: "disnaker", issues: 4,
            infoRate: 0.1, anonymousRate: 0.25, confidentialRate: 0.1, located: false,
            titles: ["Upah di Bawah UMK di {pt}", "PHK Sepihak Tanpa Pesangon oleh {pt}", "THR Tidak Dibayarkan oleh {pt}",
                     "Pekerja {pt} Tidak Didaftarkan BPJS Ketenagakerjaan"],
            adminTitles: ["Pengupahan di bawah UMK ({pt})", "PHK sepihak oleh {pt}", "THR tidak dibayarkan ({pt})",
                          "Pekerja tidak didaftarkan BPJS Ketenagakerjaan ({pt})"],
            infoTitles: ["Besaran UMK Kabupaten {kab} Tahun Ini"],
            problems: ["Saya bekerja di {pt} sebagai operator produksi dan digaji {nominal} per bulan, jauh di bawah UMK Kabupaten {kab}.",
                       "Saya dan {n} rekan kerja di-PHK secara sepihak tanpa surat peringatan dan tanpa pesangon.",
                       "Sampai H-3 Lebaran THR belum dibayarkan oleh {pt}, padahal kami sudah bekerja lebih dari setahun.",
                       "Sudah dua tahun bekerja di {pt}, saya dan rekan-rekan tidak didaftarkan BPJS Ketenagakerjaan."],
            details: ["Mohon identitas saya dirahasiakan karena khawatir mendapat tekanan dari perusahaan.",
                      "Kami sudah bekerja lebih dari tiga tahun dengan status kontrak yang terus diperpanjang.",
                      "Rekan-rekan lain takut melapor karena khawatir kontraknya tidak diperpanjang."],
            informal: ["gaji di {pt} cuma {nominal} pak, jauh dr umk", "sy di-phk tiba2 pak gak dapet pesangon sama sekali",
                       "thr blm dibayar min, katanya perusahaan lg rugi", "perusahaan gak daftarin bpjs tk min, kalo kecelakaan gmn"],
            info: ["Berapa besaran UMK Kabupaten {kab} tahun ini dan ke mana pekerja bisa melapor jika dibayar di bawahnya?"],
            progress: ["Pengawas ketenagakerjaan dan mediator telah menjadwalkan pemanggilan pihak perusahaan untuk klarifikasi.",
                       "Laporan telah kami catat; mediator hubungan industrial akan menghubungi pelapor untuk jadwal mediasi."],
            done: ["Perusahaan bersedia membayar upah sesuai UMK mulai bulan ini; kekurangan sebelumnya dibayarkan bertahap.",
                   "Telah dilaksanakan mediasi tripartit. Perusahaan bersedia membayar hak pesangon sesuai ketentuan; kesepakatan dituangkan dalam perjanjian bersama.",
                   "Perusahaan telah membayarkan THR kepada seluruh pekerja setelah dilakukan pemeriksaan oleh pengawas ketenagakerjaan.",
                   "Perusahaan telah mendaftarkan seluruh pekerja ke BPJS Ketenagakerjaan."]),
        DemoTopicSpec(
            key: "bencana", categories: ["bencana", "infrastruktur"], weight: 2, unit: "bpbd", issues: 3,
            cc: ["$kec", "dinsos", "pupr"], ccRate: 0.3, aspirasiRate: 0.02, infoRate: 0.02, highPriorityRate: 0.6,
            titles: ["Tanah Longsor Menutup Jalan di {desa}", "Tanggul {kali} Jebol, Warga Butuh Bantuan",
                     "Pohon Tumbang Menimpa Rumah Warga di {rtrw} {desa}", "Tebing di {desa} Longsor, Warga Khawatir Longsor Susulan",
                     "Banjir Setinggi Pinggang Rendam Permukiman {desa}", "Pohon Besar Tumbang Menutup {jalan}"],
            adminTitles: ["Tanah longsor di {desa}", "Tanggul {kali} jebol, banjir di {desa}", "Pohon tumbang di {desa}"],
            problems: ["Hujan deras semalam menyebabkan tebing di {desa} longsor dan menutup akses jalan satu-satunya ke dusun.",
                       "Tanggul {kali} di dekat {landmark} jebol sehingga air masuk ke sekitar {n}0 rumah warga.",
                       "Pohon besar di {rtrw} {desa} tumbang menimpa rumah warga dan kabel listrik."],
            details: ["Masih ada retakan tanah di atas permukiman, warga khawatir longsor susulan.",
                      "Warga mengungsi ke balai desa dan membutuhkan makanan serta selimut.",
                      "Belum ada petugas yang datang sampai pagi ini."],
            informal: ["longsor di {desa} pak, jalan ketutup total, tolong cepet", "banjir lg di {desa} min, air udh sepinggang",
                       "pohon tumbang di {rtrw} {desa} nimpa rumah pak, tolong"],
            progress: ["BPBD bersama TNI/Polri dan relawan sedang membersihkan material longsor dengan alat berat.",
                       "Tim Reaksi Cepat BPBD telah diterjunkan untuk evakuasi; bantuan logistik berupa makanan siap saji dan terpal sudah dikirim.",
                       "Tim BPBD bersama PLN dan Damkar sedang memotong dan mengevakuasi pohon tumbang."],
            done: ["Material longsor telah dibersihkan dan akses jalan sudah dapat dilalui.",
                   "Tanggul telah ditutup sementara dengan karung pasir; perbaikan permanen diusulkan ke BBWS.",
                   "Pohon tumbang telah dievakuasi dan warga terdampak menerima bantuan bahan bangunan."]),
        DemoTopicSpec(
            key: "listrik", categories: ["listrik"], weight: 2.5, unit: "pupr", issues: 3,
            forwardAgency: "pln", forwardUnit: "pln-up3", forwardAtIntake: 0.7,
            forwardReasons: ["Gangguan jaringan listrik merupakan kewenangan PT PLN (Persero); diteruskan ke {tujuan}.",
                             "Bukan kewenangan pemerintah daerah; jaringan distribusi listrik dikelola {tujuan}."],
            highPriorityRate: 0.1,
            titles: ["Listrik Sering Padam di {desa} Tanpa Pemberitahuan", "Tiang Listrik Miring Nyaris Roboh di {jalan}",
                     "Pemasangan Baru Listrik PLN Lama Tidak Ada Kabar", "Tegangan Listrik Naik Turun, Alat Elektronik Rusak",
                     "Kabel Listrik Menjuntai Rendah di {jalan}", "Sudah Bayar Pasang Baru Listrik, Petugas Tak Kunjung Datang"],
            adminTitles: ["Pemadaman listrik berulang di {desa}", "Tiang listrik miring di {jalan}", "Pasang baru listrik belum dilayani"],
            problems: ["Listrik di {desa} padam hampir setiap hari selama 2–4 jam tanpa pemberitahuan, alat elektronik warga banyak yang rusak.",
                       "Tiang listrik di {jalan} {landmark} miring dan kabelnya menjuntai rendah.",
                       "Saya mengajukan pasang baru listrik {durasi} dan sudah membayar, tetapi petugas belum datang."],
            details: ["Usaha kecil warga seperti penggilingan padi dan es batu sangat dirugikan.", "Anak-anak sering bermain di bawahnya.",
                      "Rumah baru kami sudah selesai dibangun tetapi belum bisa ditempati."],
            informal: ["listrik mati mulu di {desa} min, tiap malem", "tiang listrik di {jalan} udh miring bgt pak bahaya",
                       "pasang baru pln udh bayar blm dipasang2 pak"],
            progress: ["Laporan menyangkut jaringan PLN; kami koordinasikan dengan PLN UP3."],
            done: ["PLN telah menangani permasalahan di lokasi setelah koordinasi."],
            forwardedProgress: ["PLN UP3 telah mengirim petugas pelayanan teknik ke lokasi untuk pengecekan jaringan.",
                                "Petugas PLN akan meninjau tiang dan jaringan di {jalan}.",
                                "Permohonan pasang baru Saudara sedang menunggu jadwal petugas instalasi."],
            forwardedDone: ["Gangguan disebabkan ranting pohon mengenai jaringan; telah dilakukan perabasan dan jaringan normal kembali.",
                            "Tiang listrik telah ditegakkan kembali dan kabel dirapikan oleh petugas PLN.",
                            "Sambungan baru telah terpasang dan meter prabayar sudah aktif."]),
        DemoTopicSpec(
            key: "tanah", categories: ["pertanahan"], weight: 2, unit: "$kec", issues: 2,
            forwardAgency: "atr-bpn", forwardUnit: "bpn-kantah", forwardAtIntake: 0.5,
            forwardReasons: ["Penerbitan sertifikat dan pengukuran bidang tanah merupakan kewenangan Kementerian ATR/BPN; diteruskan ke {tujuan}.",
                             "Bukan kewenangan kecamatan; PTSL dan pengukuran diselenggarakan {tujuan}."],
            whistleRate: 0.02, anonymousRate: 0.12, located: false,
            titles: ["Sertifikat PTSL Belum Dibagikan {durasi}", "Pengukuran Tanah oleh BPN Tidak Kunjung Dilakukan",
                     "Dipungut Biaya PTSL Melebihi Ketentuan di {desa}", "Petugas Ukur BPN Tidak Pernah Datang"],
            adminTitles: ["Sertifikat PTSL {desa} belum dibagikan", "Pengukuran bidang tanah belum dilaksanakan"],
            problems: ["Saya ikut program PTSL di {desa} sejak tahun lalu, sudah membayar {nominal} ke panitia desa tetapi sertifikat belum juga dibagikan.",
                       "Permohonan pengukuran ulang bidang tanah saya sudah didaftarkan di Kantor Pertanahan {durasi}, namun petugas ukur tidak pernah datang."],
            details: ["Biaya resmi PTSL untuk Jawa Timur setahu saya hanya Rp150.000.", "Pengukuran diperlukan karena ada sengketa batas dengan tetangga."],
            informal: ["sertifikat ptsl {desa} blm dibagi2 pak, udh bayar", "ukur tanah di bpn lama bgt min, petugas gak dateng2"],
            progress: ["Laporan menyangkut pertanahan; kami koordinasikan dengan Kantor Pertanahan."],
            done: ["Permasalahan telah ditangani setelah koordinasi dengan Kantor Pertanahan."],
            forwardedProgress: ["Kantor Pertanahan telah mengecek berkas PTSL di {desa}; sertifikat sedang dalam tahap penandatanganan.",
                                "Kantor Pertanahan telah menjadwalkan petugas ukur ke lokasi."],
            forwardedDone: ["Sertifikat PTSL {desa} sudah selesai dan dibagikan bersamaan melalui pemerintah desa.",
                            "Petugas ukur telah melakukan pengukuran pada hari {hari}; proses selanjutnya dapat dipantau melalui aplikasi Sentuh Tanahku."]),
        DemoTopicSpec(
            key: "jalan-nasional", categories: ["infrastruktur/jalan", "infrastruktur"], weight: 1.5, unit: "pupr", issues: 2,
            forwardAgency: "bbpjn", forwardUnit: "bbpjn-ppk", forwardAtIntake: 0.35,
            forwardReasons: ["Ruas tersebut berstatus jalan nasional, kewenangan Kementerian PU melalui BBPJN; diteruskan ke {tujuan}.",
                             "Bukan jalan kabupaten; pemeliharaan jalan nasional menjadi tugas {tujuan}."],
            highPriorityRate: 0.08,
            titles: ["Jalan Nasional Lingkar {kab} Rusak Parah dan Rawan Kecelakaan", "Marka Jalan Nasional di {kec} Sudah Pudar",
                     "Lubang di Jalur Nasional Dekat {landmark}", "Rambu dan Marka Jalur Nasional {kec} Hilang"],
            adminTitles: ["Kerusakan jalan nasional di Kec. {kec}", "Marka jalan nasional pudar di Kec. {kec}"],
            problems: ["Di jalan nasional ruas Lingkar {kab} dekat {landmark} terdapat lubang besar di lajur kiri yang sudah menyebabkan beberapa kecelakaan motor.",
                       "Marka dan rambu di jalur nasional yang melintasi Kecamatan {kec} sudah pudar sehingga berbahaya di malam hari."],
            details: ["Lubang semakin dalam setelah hujan beberapa hari terakhir.", "Truk dan bus antarkota melaju kencang di ruas ini."],
            informal: ["jalan nasional di {kec} bolong2 pak, truk pada ngerem mendadak", "marka jalan nasional di {kec} udh gak keliatan min, bahaya malem"],
            progress: ["Laporan menyangkut jalan nasional; kami koordinasikan dengan BBPJN."],
            done: ["Permasalahan pada ruas jalan nasional telah ditangani setelah koordinasi dengan BBPJN."],
            forwardedProgress: ["PPK wilayah telah menugaskan tim pemeliharaan rutin untuk menambal lubang pada ruas tersebut.",
                                "PPK wilayah telah menjadwalkan pengecatan ulang marka pada ruas tersebut."],
            forwardedDone: ["Penambalan lubang pada ruas tersebut telah selesai dikerjakan.",
                            "Pengecatan ulang marka dan pemasangan rambu di ruas tersebut telah selesai."]),
        DemoTopicSpec(
            key: "pungli", categories: ["pungutan-liar"], weight: 2, unit: "inspektorat", issues: 3,
            cc: ["$kec"], ccRate: 0.1, aspirasiRate: 0, infoRate: 0, whistleRate: 0.3, anonymousRate: 0.35, confidentialRate: 0.2,
            located: false,
            titles: ["Dugaan Pungli Pengurusan Surat di Kantor Desa {desa}", "Oknum Pegawai Minta Uang Pelicin Pengurusan Izin",
                     "Diminta Uang {nominal} untuk Surat Keterangan Tidak Mampu", "Perangkat Desa {desa_} Minta Uang untuk Surat Pengantar",
                     "Dugaan Pungutan Liar oleh Oknum Pegawai Kecamatan {kec}", "SKTM di {desa} Dipungut Biaya"],
            adminTitles: ["Dugaan pungutan liar di {desa}", "Dugaan gratifikasi pengurusan izin", "Dugaan pungutan pembuatan SKTM di {desa}"],
            problems: ["Saat mengurus surat keterangan di kantor desa {desa}, saya diminta membayar {nominal} oleh oknum perangkat desa tanpa kuitansi.",
                       "Oknum pegawai meminta uang pelicin {nominal} agar berkas permohonan saya diproses lebih cepat.",
                       "Untuk mendapatkan SKTM saya diminta {nominal} dengan alasan uang administrasi."],
            details: ["Mohon identitas saya dirahasiakan karena saya masih harus berurusan dengan kantor tersebut.",
                      "Warga lain juga mengalami hal serupa tetapi takut melapor.", "Saya punya rekaman percakapannya bila diperlukan."],
            informal: ["ngurus surat di desa dimintain duit {nominal} pak, katanya biar cepet", "pungli di kantor kecamatan min, tolong diusut"],
            progress: ["Inspektorat telah menerima laporan dan akan melakukan klarifikasi kepada pihak terkait. Identitas pelapor dijamin kerahasiaannya.",
                       "Tim Saber Pungli kabupaten telah menjadwalkan pemeriksaan ke lokasi."],
            done: ["Hasil pemeriksaan khusus: oknum terbukti melakukan pungutan tanpa dasar hukum dan telah dijatuhi sanksi disiplin. Uang telah dikembalikan kepada warga.",
                   "Pemeriksaan tidak menemukan bukti yang cukup; namun seluruh pegawai telah diberi pembinaan dan dipasang maklumat pelayanan tanpa biaya."]),
        DemoTopicSpec(
            key: "samsat", categories: ["perhubungan", "lainnya"], weight: 1, unit: "dishub", issues: 2,
            forwardAgency: "pemprov-jatim", forwardUnit: "prov-bapenda", forwardAtIntake: 0.8,
            forwardReasons: ["Pelayanan pajak kendaraan bermotor (Samsat) merupakan kewenangan Pemerintah Provinsi; diteruskan ke {tujuan}."],
            infoRate: 0.25, located: false,
            titles: ["Samsat Keliling Tidak Datang Sesuai Jadwal di {kec}", "Diminta Biaya Tambahan saat Perpanjangan STNK"],
            adminTitles: ["Jadwal Samsat keliling di {kec}", "Biaya tambahan perpanjangan STNK"],
            infoTitles: ["Program Pemutihan Pajak Kendaraan Tahun Ini"],
            problems: ["Samsat keliling yang dijadwalkan hadir di {kec} setiap Kamis sudah tiga minggu tidak datang.",
                       "Saat perpanjangan STNK lima tahunan saya diminta biaya tambahan {nominal} di luar ketentuan."],
            details: ["Warga harus pergi jauh ke kantor Samsat induk.", "Petugas tidak memberikan kuitansi atas biaya tambahan itu."],
            informal: ["samsat keliling gak dateng2 min di {kec}", "perpanjang stnk dimintain {nominal} lagi pak, buat apa ya"],
            info: ["Apakah tahun ini ada program pemutihan denda pajak kendaraan bermotor, dan sampai kapan berlakunya?"],
            progress: ["Laporan menyangkut Samsat; kami koordinasikan dengan Bapenda Provinsi."],
            done: ["Sudah dikoordinasikan dengan Bapenda Provinsi; jadwal Samsat keliling kembali normal.",
                   "Sudah dikoordinasikan dengan Bapenda Provinsi; biaya tambahan dikembalikan kepada pelapor."],
            forwardedProgress: ["UPT Bapenda telah mengecek jadwal layanan Samsat keliling di wilayah {kec}.",
                                "UPT Bapenda telah meminta klarifikasi petugas loket terkait biaya tambahan."],
            forwardedDone: ["Jadwal Samsat keliling di {kec} telah dipulihkan setiap Kamis pukul 08.00–12.00.",
                            "Biaya di luar ketentuan telah dikembalikan dan petugas yang bersangkutan diberi sanksi."]),
        DemoTopicSpec(
            key: "kemenag", categories: ["lainnya"], weight: 0.8, unit: "$kec", issues: 2,
            forwardAgency: "kemenag", forwardUnit: "kemenag-kab", forwardAtIntake: 0.6,
            forwardReasons: ["Pelayanan KUA dan madrasah merupakan kewenangan Kementerian Agama; diteruskan ke {tujuan}."],
            located: false,
            titles: ["Biaya Nikah di KUA {kec} Melebihi Tarif Resmi", "Tunjangan Guru Madrasah di {kec} Terlambat Cair"],
            adminTitles: ["Biaya nikah di KUA {kec}", "Tunjangan guru madrasah di {kec}"],
            problems: ["Saat mendaftar nikah di KUA {kec}, kami diminta membayar {nominal} padahal menikah di kantor KUA seharusnya gratis.",
                       "Tunjangan profesi guru madrasah di wilayah {kec} sudah tiga bulan belum cair."],
            details: ["Tidak ada kuitansi resmi yang diberikan.", "Guru madrasah swasta di wilayah kami banyak yang bergantung pada tunjangan tersebut."],
            informal: ["nikah di kua {kec} dimintain {nominal} pak, katanya gratis?", "tunjangan guru madrasah blm cair2 min, udh 3 bulan"],
            progress: ["Laporan menyangkut layanan Kementerian Agama; kami koordinasikan dengan Kemenag Kabupaten."],
            done: ["Sudah dikoordinasikan dengan Kemenag Kabupaten dan ditindaklanjuti."],
            forwardedProgress: ["Kantor Kemenag Kabupaten telah meminta klarifikasi kepada Kepala KUA {kec}.",
                                "Kemenag Kabupaten sedang memverifikasi data guru yang belum menerima tunjangan."],
            forwardedDone: ["Biaya di luar ketentuan telah dikembalikan dan petugas yang bersangkutan diberi pembinaan.",
                            "Tunjangan profesi guru madrasah telah dicairkan ke rekening masing-masing."]),
        DemoTopicSpec(
            key: "kamtibmas", categories: ["ketertiban"], weight: 1, unit: "satpolpp", issues: 3,
            forwardAgency: "polri", forwardUnit: "polres-sukamaju", forwardAtIntake: 0.5,
            forwardReasons: ["Gangguan kamtibmas dan dugaan tindak pidana merupakan kewenangan Kepolisian; diteruskan ke {tujuan}."],
            anonymousRate: 0.25,
            titles: ["Balap Liar Setiap Malam Minggu di {jalan}", "Maraknya Pencurian Motor di {desa}", "Judi Sabung Ayam di {desa}"],
            adminTitles: ["Balap liar di {jalan}", "Pencurian kendaraan di {desa}", "Dugaan perjudian di {desa}"],
            problems: ["Setiap malam Minggu {jam} ada balap liar di {jalan} yang sangat mengganggu dan membahayakan pengguna jalan.",
                       "Dalam sebulan terakhir sudah {n} motor warga {desa} hilang dicuri, bahkan yang dikunci ganda.",
                       "Setiap Minggu siang ada judi sabung ayam di kebun dekat {landmark} yang ramai didatangi orang luar desa."],
            details: ["Warga takut menegur karena jumlah mereka banyak."],
            informal: ["balap liar di {jalan} tiap malem minggu min, berisik & bahaya", "motor ilang lg di {desa} pak, udh {n} kali bulan ini",
                       "ada sabung ayam tiap minggu di {desa} pak, rame org luar"],
            progress: ["Laporan menyangkut kamtibmas; kami koordinasikan dengan Polres."],
            done: ["Sudah dikoordinasikan dengan Polres dan dilakukan patroli gabungan."],
            forwardedProgress: ["Polres telah meningkatkan patroli di lokasi yang dilaporkan."],
            forwardedDone: ["Patroli rutin dilaksanakan setiap malam Minggu dan {n} pelaku balap liar telah diamankan beserta kendaraannya.",
                            "Patroli malam ditingkatkan dan {n} pelaku pencurian telah ditangkap.",
                            "Lokasi sabung ayam telah digerebek dan para pelaku diproses sesuai hukum."]),
        DemoTopicSpec(
            key: "kominfo", categories: ["lainnya"], weight: 1, unit: "diskominfo", issues: 2,
            aspirasiRate: 0.35, infoRate: 0, located: false,
            titles: ["Website Resmi Pemkab {kab} Tidak Bisa Diakses", "Sinyal Internet di {desa} Sangat Lemah",
                     "Aplikasi Layanan Publik Pemkab Sering Error", "Blank Spot Sinyal Seluler di {desa}"],
            adminTitles: ["Gangguan website Pemkab {kab}", "Sinyal seluler lemah di {desa}"],
            aspirasiTitles: ["Usulan Wifi Gratis di Balai Desa {desa_}"],
            problems: ["Website resmi Pemerintah Kabupaten {kab} tidak bisa diakses sejak beberapa hari, padahal saya perlu mengunduh formulir.",
                       "Sinyal seluler di {desa} sangat lemah sehingga siswa kesulitan mengikuti ujian berbasis daring."],
            details: ["Muncul pesan error 503 setiap kali dibuka.", "Warga harus naik ke bukit untuk mendapatkan sinyal."],
            informal: ["web pemkab error trs min", "sinyal di {desa} ilang2an pak"],
            aspirasi: ["Kami mengusulkan pemasangan wifi gratis di balai desa {desa_} agar pelajar dan pelaku UMKM bisa memanfaatkan internet."],
            progress: ["Tim teknis Diskominfo sedang melakukan pemeliharaan server; layanan akan pulih secepatnya.",
                       "Laporan telah kami catat dan dikoordinasikan dengan operator seluler melalui program BAKTI."],
            done: ["Website sudah dapat diakses kembali setelah migrasi server.", "Operator seluler telah menambah kapasitas BTS di sekitar {desa}."]),
    ]
}

// MARK: - Compiled templates

enum DemoSlot: UInt8 {
    case desa, desaShort, kec, kab, jalan, rtrw, landmark, durasi, sd, smp, sma, puskesmas, pasar, kali, pt, nominal,
         jam, hari, n, unit, tujuan, nomor

    static func named(_ name: Substring) -> DemoSlot? {
        switch name {
        case "desa": .desa
        case "desa_": .desaShort
        case "kec": .kec
        case "kab": .kab
        case "jalan": .jalan
        case "rtrw": .rtrw
        case "landmark": .landmark
        case "durasi": .durasi
        case "sd": .sd
        case "smp": .smp
        case "sma": .sma
        case "puskesmas": .puskesmas
        case "pasar": .pasar
        case "kali": .kali
        case "pt": .pt
        case "nominal": .nominal
        case "jam": .jam
        case "hari": .hari
        case "n": .n
        case "unit": .unit
        case "tujuan": .tujuan
        case "nomor": .nomor
        default: nil
        }
    }
}

enum DemoPiece {
    case text(String)
    case slot(DemoSlot)
}

/// A text with `{slot}` markers, parsed once.
struct DemoTemplate {
    let pieces: [DemoPiece]
    /// The whole text when it has no slots: handed out as is, without building a new string.
    let constant: String?

    init(_ source: String) {
        var pieces: [DemoPiece] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}"),
                  let slot = DemoSlot.named(rest[rest.index(after: open)..<close]) else {
                preconditionFailure("demo text: bad slot in \(source)")
            }
            pieces.append(.slot(slot))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
        if pieces.count == 1, case .text(let whole) = pieces[0] { constant = whole } else { constant = nil }
    }

    static func all(_ sources: [String]) -> [DemoTemplate] { sources.map(DemoTemplate.init) }
}

/// Where and about what one report is: the same places fill its title, body and follow-ups.
struct DemoScene {
    var kec = 0
    var desa = 0
    /// Which of the topic's issues the report is about.
    var issue = 0
    var jalanKind = 0
    var jalan = 0
    var rt = 1
    var rw = 1
    var landmark = 0
    var durasi = 0
    var sd = 1
    var smp = 1
    var sma = 1
    var smk = false
    var puskesmasKind = 0
    var pasarKind = 0
    var kali = 0
    var pt = 0
    var nominal = 0
    var jam = 0
    var hari = 0
    var n = 2
    var unitName = ""
    var tujuan = ""
    var nomor = ""

    static func random(_ rng: inout DemoRandom, library: DemoLibrary) -> DemoScene {
        var s = DemoScene()
        s.kec = Int(rng.below(UInt64(library.kecNames.count)))
        s.desa = Int(rng.below(UInt64(library.desa[s.kec].count)))
        let k = rng.unit()
        s.jalanKind = k < 0.35 ? 0 : k < 0.45 ? 1 : 2
        s.jalan = Int(rng.below(UInt64(DemoText.streets.count)))
        s.rt = 1 + Int(rng.below(12))
        s.rw = 1 + Int(rng.below(8))
        s.landmark = Int(rng.below(UInt64(library.landmarks.count)))
        s.durasi = Int(rng.below(UInt64(DemoText.durations.count)))
        s.sd = 1 + Int(rng.below(4))
        s.smp = 1 + Int(rng.below(5))
        s.sma = 1 + Int(rng.below(4))
        s.smk = rng.chance(0.4)
        s.puskesmasKind = rng.chance(0.8) ? 0 : 1
        s.pasarKind = Int(rng.below(3))
        s.kali = Int(rng.below(UInt64(DemoText.rivers.count)))
        s.pt = Int(rng.below(UInt64(DemoText.companies.count)))
        s.nominal = Int(rng.below(UInt64(DemoText.amounts.count)))
        s.jam = Int(rng.below(UInt64(DemoText.times.count)))
        s.hari = Int(rng.below(UInt64(DemoText.weekdays.count)))
        s.n = 2 + Int(rng.below(8))
        return s
    }
}

/// Everything textual the generator draws from, compiled for one office. A class, so the
/// generator passes it around without copying its many arrays.
final class DemoLibrary {
    let kab: String
    /// Kecamatan unit ids of the office (may be empty), parallel to `kecNames` when not.
    let kecUnits: [String]
    let kecNames: [String]
    let desa: [[String]]
    let desaShort: [[String]]
    let landmarks: [DemoTemplate]
    let openers, informalOpeners, closings, informalClosings, impacts, requests: [DemoTemplate]
    let aspirasiOpeners, aspirasiReasons, infoContexts, infoClosings, longTitleTails, titleTails: [DemoTemplate]
    let clarificationReplies, clarificationRepliesGeneral, thanksReplies, objectionReplies, questionReplies: [DemoTemplate]
    let clarificationRequests, clarificationRequestsGeneral, objectionAnswers, answersToQuestions: [DemoTemplate]
    let postponeReasons, reopenReasons, redisposeReasons, adminNotes, liaisonNotes, supervisorNotes, forwardInReasons: [DemoTemplate]
    let archiveByCode: [[DemoTemplate]]
    let spamTitles, spamBodies, unclearTitles, unclearBodies, generalTitles, generalBodies, privateTitles, privateBodies: [DemoTemplate]
    let addressTemplate = DemoTemplate("{jalan} {rtrw}, {desa}, Kec. {kec}")
    let areaTemplate = DemoTemplate("{desa}, Kec. {kec}")
    let nameGroupWeights = DemoWeights(DemoText.nameGroups.map(\.weight))

    init(config: OfficeConfig) {
        var kab = config.officeName
        for prefix in ["Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemkab ", "Pemkot ", "Kabupaten ", "Kota "] where kab.hasPrefix(prefix) {
            kab = String(kab.dropFirst(prefix.count))
            break
        }
        self.kab = kab.isEmpty ? "Sukamaju" : kab
        var units: [String] = []
        var names: [String] = []
        for unit in config.directory.agency(config.agency)?.units ?? [] {
            if unit.id.hasPrefix("kec-") || unit.name.hasPrefix("Kecamatan ") {
                units.append(unit.id)
                names.append(unit.name.hasPrefix("Kecamatan ") ? String(unit.name.dropFirst("Kecamatan ".count)) : unit.name)
            }
        }
        if names.isEmpty { names = ["Kota", "Utara", "Selatan", "Timur", "Barat"] }
        kecUnits = units
        kecNames = names
        let pool = DemoText.desaNames.filter { !names.contains($0) }
        var desa: [[String]] = []
        var short: [[String]] = []
        for (i, kec) in names.enumerated() {
            var full = [(i == 0 ? "Kelurahan " : "Kelurahan ") + kec]
            var s = [kec]
            for j in 0..<6 {
                let name = pool[(i * 6 + j) % pool.count]
                full.append((i == 0 || j == 0 ? "Kelurahan " : "Desa ") + name)
                s.append(name)
            }
            desa.append(full)
            short.append(s)
        }
        self.desa = desa
        desaShort = short
        let t = DemoTemplate.all
        landmarks = t(DemoText.landmarks)
        openers = t(DemoText.openers)
        informalOpeners = t(DemoText.informalOpeners)
        closings = t(DemoText.closings)
        informalClosings = t(DemoText.informalClosings)
        impacts = t(DemoText.impacts)
        requests = t(DemoText.requests)
        aspirasiOpeners = t(DemoText.aspirasiOpeners)
        aspirasiReasons = t(DemoText.aspirasiReasons)
        infoContexts = t(DemoText.infoContexts)
        infoClosings = t(DemoText.infoClosings)
        longTitleTails = t(DemoText.longTitleTails)
        titleTails = t(DemoText.titleTails)
        clarificationReplies = t(DemoText.clarificationReplies)
        clarificationRepliesGeneral = t(DemoText.clarificationRepliesGeneral)
        thanksReplies = t(DemoText.thanksReplies)
        objectionReplies = t(DemoText.objectionReplies)
        questionReplies = t(DemoText.questionReplies)
        clarificationRequests = t(DemoText.clarificationRequests)
        clarificationRequestsGeneral = t(DemoText.clarificationRequestsGeneral)
        objectionAnswers = t(DemoText.objectionAnswers)
        answersToQuestions = t(DemoText.answersToQuestions)
        postponeReasons = t(DemoText.postponeReasons)
        reopenReasons = t(DemoText.reopenReasons)
        redisposeReasons = t(DemoText.redisposeReasons)
        adminNotes = t(DemoText.adminNotes)
        liaisonNotes = t(DemoText.liaisonNotes)
        supervisorNotes = t(DemoText.supervisorNotes)
        forwardInReasons = t(DemoText.forwardInReasons)
        archiveByCode = ArchiveReason.allCases.map { t(DemoText.archiveReasons[$0] ?? ["Diarsipkan oleh admin."]) }
        spamTitles = t(DemoText.spamTitles)
        spamBodies = t(DemoText.spamBodies)
        unclearTitles = t(DemoText.unclearTitles)
        unclearBodies = t(DemoText.unclearBodies)
        generalTitles = t(DemoText.generalTitles)
        generalBodies = t(DemoText.generalBodies)
        privateTitles = t(DemoText.privateTitles)
        privateBodies = t(DemoText.privateBodies)
    }

    func archiveReasons(_ code: ArchiveReason) -> [DemoTemplate] {
        archiveByCode[ArchiveReason.allCases.firstIndex(of: code) ?? 0]
    }

    func junk(_ code: ArchiveReason) -> ([DemoTemplate], [DemoTemplate]) {
        switch code {
        case .spam: (spamTitles, spamBodies)
        case .tooGeneral: (generalTitles, generalBodies)
        case .notPublicService: (privateTitles, privateBodies)
        default: (unclearTitles, unclearBodies)
        }
    }

    func render(_ template: DemoTemplate, _ s: DemoScene, into out: inout String) {
        for piece in template.pieces {
            switch piece {
            case .text(let text): out += text
            case .slot(let slot): append(slot, s, into: &out)
            }
        }
    }

    private func append(_ slot: DemoSlot, _ s: DemoScene, into out: inout String) {
        switch slot {
        case .desa: out += desa[s.kec][s.desa]
        case .desaShort: out += desaShort[s.kec][s.desa]
        case .kec: out += kecNames[s.kec]
        case .kab: out += kab
        case .jalan:
            switch s.jalanKind {
            case 0: out += "Jl. Raya "; out += kecNames[s.kec]
            case 1: out += "Jl. Poros Desa "; out += desaShort[s.kec][s.desa]
            default: out += DemoText.streets[s.jalan]
            }
        case .rtrw:
            out += s.rt < 10 ? "RT 0" : "RT "
            out += String(s.rt)
            out += "/RW 0"
            out += String(s.rw)
        case .landmark: render(landmarks[s.landmark], s, into: &out)
        case .durasi: out += DemoText.durations[s.durasi]
        case .sd:
            out += "SDN "; out += desaShort[s.kec][s.desa]; out += " "; out += String(s.sd)
        case .smp:
            out += "SMPN "; out += String(s.smp); out += " "; out += kecNames[s.kec]
        case .sma:
            out += s.smk ? "SMKN " : "SMAN "; out += String(s.sma); out += " "; out += s.smk ? kecNames[s.kec] : kab
        case .puskesmas:
            if s.puskesmasKind == 0 { out += "Puskesmas "; out += kecNames[s.kec] } else { out += "Puskesmas Pembantu "; out += desaShort[s.kec][s.desa] }
        case .pasar:
            switch s.pasarKind {
            case 0: out += "Pasar "; out += kecNames[s.kec]
            case 1: out += "Pasar Legi "; out += kecNames[s.kec]
            default: out += "Pasar Desa "; out += desaShort[s.kec][s.desa]
            }
        case .kali: out += DemoText.rivers[s.kali]
        case .pt: out += DemoText.companies[s.pt]
        case .nominal: out += DemoText.amounts[s.nominal]
        case .jam: out += DemoText.times[s.jam]
        case .hari: out += DemoText.weekdays[s.hari]
        case .n: out += String(s.n)
        case .unit: out += s.unitName
        case .tujuan: out += s.tujuan
        case .nomor: out += s.nomor
        }
    }

    /// The local part of an e-mail address made from a name: lower-case ASCII letters only.
    static func mailbox(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased().unicodeScalars {
            switch ch {
            case "a"..."z": out.unicodeScalars.append(ch)
            case "é", "è", "ë", "ê": out += "e"
            case "ö", "ó": out += "o"
            case "ü", "ú": out += "u"
            case "á", "à": out += "a"
            default: break
            }
        }
        return out
    }
}

/// A topic as the generator uses it: templates compiled, units checked against the config.
final class DemoTopic {
    let key: String
    let category: Category
    let weight: Double
    let issues: Int
    /// nil: the kecamatan of the report's location.
    let unit: String?
    let misroute: String?
    let misrouteRate: Double
    let misrouteReasons: [DemoTemplate]
    let forwardAgency: String?
    let forwardUnit: String?
    let forwardAtIntake: Double
    let forwardReasons: [DemoTemplate]
    let pingPongRate: Double
    let pingPongReasons: [DemoTemplate]
    /// nil entries: the kecamatan of the location.
    let cc: [String?]
    let ccRate, aspirasiRate, infoRate, whistleRate, anonymousRate, confidentialRate, highPriorityRate: Double
    let located: Bool
    let titles, adminTitles, aspirasiTitles, infoTitles, problems, details, impacts, requests, informal: [DemoTemplate]
    let aspirasi, info, progress, done, forwardedProgress, forwardedDone: [DemoTemplate]

    init(_ spec: DemoTopicSpec, config: OfficeConfig, officeUnits: [String], kecUnits: [String]) {
        key = spec.key
        let known = Set(config.categories.map(\.category.path))
        category = spec.categories.first { known.contains(Category($0).path) }.map { Category($0) } ?? .uncategorised
        weight = spec.weight
        issues = max(1, spec.issues)
        let directory = config.directory
        if spec.unit == "$kec" {
            unit = kecUnits.isEmpty ? (officeUnits.first ?? "") : nil
        } else {
            unit = officeUnits.contains(spec.unit) ? spec.unit : (officeUnits.first ?? "")
        }
        if let m = spec.misroute, officeUnits.contains(m), m != unit, unit != nil || !kecUnits.contains(m) {
            misroute = m
        } else {
            misroute = nil
        }
        misrouteRate = spec.misrouteRate
        misrouteReasons = DemoTemplate.all(spec.misrouteReasons)
        if let a = spec.forwardAgency, a != config.agency, directory.agency(a) != nil {
            forwardAgency = a
            forwardUnit = spec.forwardUnit.flatMap { directory.contains(unit: $0, in: a) ? $0 : nil }
        } else {
            forwardAgency = nil
            forwardUnit = nil
        }
        forwardAtIntake = spec.forwardAtIntake
        forwardReasons = DemoTemplate.all(spec.forwardReasons)
        pingPongRate = spec.pingPongRate
        pingPongReasons = DemoTemplate.all(spec.pingPongReasons.isEmpty ? spec.forwardReasons : spec.pingPongReasons)
        cc = spec.cc.compactMap { id -> String?? in
            if id == "$kec" { return kecUnits.isEmpty ? nil : .some(nil) }
            return directory.unit(id) == nil ? nil : .some(id)
        }
        ccRate = spec.ccRate
        aspirasiRate = spec.aspirasiRate
        infoRate = spec.infoRate
        whistleRate = spec.whistleRate
        anonymousRate = spec.anonymousRate
        confidentialRate = spec.confidentialRate
        highPriorityRate = spec.highPriorityRate
        located = spec.located
        let t = DemoTemplate.all
        titles = t(spec.titles)
        adminTitles = t(spec.adminTitles.isEmpty ? spec.titles : spec.adminTitles)
        aspirasiTitles = t(spec.aspirasiTitles)
        infoTitles = t(spec.infoTitles)
        problems = t(spec.problems)
        details = t(spec.details)
        impacts = t(spec.impacts)
        requests = t(spec.requests)
        informal = t(spec.informal.isEmpty ? spec.problems : spec.informal)
        aspirasi = t(spec.aspirasi)
        info = t(spec.info)
        progress = t(spec.progress)
        done = t(spec.done)
        forwardedProgress = t(spec.forwardedProgress)
        forwardedDone = t(spec.forwardedDone)
    }
}
