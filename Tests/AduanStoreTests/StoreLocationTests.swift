import AduanStore
import Testing

/// `--store` and the personal config's "store" choose the backend by the location's form; a
/// location with a password in it is refused before anything connects.
struct StoreLocationTests {
    @Test func aPathIsASQLiteStoreAndAConnectionURIOrServiceIsPostgreSQL() {
        #expect(StoreLocation.parse("/var/lib/aduan/aduan.db") == .success(.sqlite(path: "/var/lib/aduan/aduan.db")))
        #expect(StoreLocation.parse("aduan.db") == .success(.sqlite(path: "aduan.db")))
        #expect(StoreLocation.parse("/tmp/x=y/aduan.db") == .success(.sqlite(path: "/tmp/x=y/aduan.db")))
        for pg in ["postgresql://andi@db.prov.go.id/aduan", "postgres:///aduan?host=/run/postgresql", "service=aduan",
                   "host=/run/postgresql dbname=aduan", "POSTGRESQL://andi@db/aduan"] {
            #expect(StoreLocation.parse(pg) == .success(.postgres(conninfo: pg)), "\(pg)")
        }
    }

    @Test func aLocationWithAPasswordIsRefused() {
        for bad in ["postgresql://andi:rahasia@db/aduan", "postgres://andi:@db/aduan", "postgresql://db/aduan?password=rahasia",
                    "postgresql://db/aduan?sslmode=disable&password=x", "service=aduan password=rahasia", "host=db password=x dbname=aduan"] {
            #expect(StoreLocation.parse(bad) == .failure(.passwordInLocation), "\(bad)")
        }
        #expect(StoreLocation.parse("service=aduan andi") == .failure(.malformedConnectionString(word: "andi")))
        // An '@' in the path or a ':' in the host's port is not a password.
        #expect(StoreLocation.parse("postgresql://andi@db:5433/aduan") == .success(.postgres(conninfo: "postgresql://andi@db:5433/aduan")))
    }
}
