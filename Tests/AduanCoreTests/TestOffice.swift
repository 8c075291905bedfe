import AduanCore

/// The office the core tests share (it was defined by hand in three of them): the Kabupaten
/// Sukamaju with two units, the province with one, and an admin and liaisons to act in them.
/// TransitionTableTests keeps its own: its admin sits in a third unit (diskominfo) and its
/// messages name "Dinas PUPR".
enum TestOffice {
    static let directory = Directory(agencies: [
        Agency(id: "pemkab", name: "Pemerintah Kabupaten Sukamaju", units: [
            Unit(id: "dinkes", name: "Dinas Kesehatan"),
            Unit(id: "pupr", name: "Dinas Pekerjaan Umum dan Penataan Ruang"),
        ]),
        Agency(id: "prov", name: "Pemerintah Provinsi Jawa Timur", units: [
            Unit(id: "prov-x", name: "Biro Pelayanan Publik"),
        ]),
    ])
    static let workflow = WorkflowContext(directory: directory)

    static let adminPemkab = Actor(id: "sri", name: "Sri Wahyuni", role: .admin, agency: "pemkab")
    static let adminProv = Actor(id: "agus", name: "Agus Salim", role: .admin, agency: "prov")
    static let liaisonDinkes = Actor(id: "dewi", name: "Dewi Lestari", role: .liaison, agency: "pemkab", unit: "dinkes")
    static let liaisonPupr = Actor(id: "budi", name: "Budi Santoso", role: .liaison, agency: "pemkab", unit: "pupr")
    static let liaisonProvX = Actor(id: "rina", name: "Rina Marlina", role: .liaison, agency: "prov", unit: "prov-x")
}
