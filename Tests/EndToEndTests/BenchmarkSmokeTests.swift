import DossierTesting
import Foundation
import Testing

@Suite("dossier-bench --quick")
struct BenchmarkSmokeTests {
    static let keys = [
        "raw_lmdb_batch1_eps", "raw_lmdb_batch32_eps", "raw_lmdb_batch1000_eps", "sqlite_full_eps", "sqlite_full_32_eps",
        "dossier_1_client_eps", "dossier_32_clients_eps", "dossier_pipelined_eps", "dossier_complaints_mixed_eps",
        "credit_mixed_eps", "import_events_eps", "import_rows_per_s", "follow_eps", "query_p50_us", "query_p99_us",
        "query_p999_us", "prove_us", "replay_eps", "verify_eps",
        "bytes_written_per_event", "events", "db_bytes", "peak_rss_mb",
    ]

    /// Every figure is there and positive; no timing is asserted (the machine's load decides those).
    @Test func printsEveryKeyWithAMeasuredValue() throws {
        let output = try ProcessRunner.run(
            BuiltProducts.directory + "/dossier-bench", ["--quick", "--json", "--seconds", "0.5", "--events", "5000"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        for key in Self.keys {
            let value = (object[key] as? NSNumber)?.doubleValue
            #expect(value != nil, "missing \(key)")
            #expect((value ?? 0) > 0, "\(key) is not positive")
        }
        #expect(object["postgres_32_eps"] == nil, "the PostgreSQL keys appear only with --postgres")
        #expect((object["events"] as? NSNumber)?.intValue ?? 0 >= 5000)
    }
}
