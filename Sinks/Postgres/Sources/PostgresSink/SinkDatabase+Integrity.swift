import DossierClient
import DossierMerkle
import PostgresNIO

extension SinkDatabase {
    /// Checks that the replica's own rows agree with its checkpoint: one event row per sequence
    /// from 1 to the checkpoint, none after it, and the checkpoint's hash on the row at its
    /// sequence. A row deleted, added or given another hash by hand is found here, before
    /// anything is applied on top of it.
    func checkRows() async throws {
        let checkpoint = self.checkpoint
        let row = try await self.connection.query(
            """
            SELECT count(*), max(sequence),
                   (SELECT hash FROM dossier_events WHERE source = \(self.source) AND sequence = \(Int64(checkpoint.sequence)))
            FROM dossier_events WHERE source = \(self.source)
            """, logger: self.logger
        ).collect().first
        let (count, last, hash) = try row!.decode((Int64, Int64?, String?).self)
        guard UInt64(count) == checkpoint.sequence, UInt64(last ?? 0) == checkpoint.sequence else {
            throw SinkError.diverged(
                "dossier_events holds \(count) events of source \(self.source) up to sequence \(last ?? 0), "
                    + "but dossier_checkpoint says \(checkpoint.sequence)")
        }
        guard hash == checkpoint.hash else {
            throw SinkError.diverged(
                "dossier_events has hash \(hash ?? "none") at sequence \(checkpoint.sequence), but dossier_checkpoint "
                    + "has \(checkpoint.hash ?? "none")")
        }
    }

    /// The RFC 6962 root over the replica's event hashes in sequence order, read as a stream:
    /// equal to the daemon's tree head of the same size exactly when every hash is the log's.
    func merkleRoot() async throws -> (size: UInt64, root: [UInt8]) {
        var accumulator = MerkleAccumulator()
        let rows = try await self.connection.query(
            "SELECT sequence, hash FROM dossier_events WHERE source = \(self.source) ORDER BY sequence", logger: self.logger)
        for try await row in rows {
            let (sequence, hash) = try row.decode((Int64, String).self)
            guard UInt64(sequence) == accumulator.size + 1, let bytes = Hex.decode(hash), bytes.count == 32 else {
                throw SinkError.diverged("dossier_events row \(sequence) of source \(self.source) is out of place or has a malformed hash")
            }
            accumulator.append(eventHash: bytes)
        }
        return (accumulator.size, accumulator.root)
    }
}
