import Foundation
import NIOSSL
import PostgresNIO

/// Where the replica lives and how to log in. The password is held apart and never printed:
/// `description` is what logs and errors show.
public struct PostgresSettings: Sendable, CustomStringConvertible {
    /// A host name or address, or the absolute path of the directory holding PostgreSQL's Unix
    /// socket (as libpq reads `PGHOST`).
    public var host: String = "localhost"
    public var port: Int = 5432
    public var user: String
    public var database: String
    public var password: Password?
    public var tls: TLSMode = .automatic
    /// Seconds to wait for a connection.
    public var connectTimeoutSeconds: Int64 = 10

    public enum TLSMode: String, Sendable, CaseIterable {
        /// `require` over the network; `disable` for a Unix socket or the loopback interface,
        /// where nothing travels over a wire.
        case automatic = "auto"
        case disable
        /// TLS with the server's certificate checked against the system's trusted roots.
        case require
    }

    /// A password, shown as `<redacted>` wherever it is printed.
    public struct Password: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        let value: String
        public init(_ value: String) { self.value = value }
        public var description: String { "<redacted>" }
        public var debugDescription: String { "<redacted>" }
    }

    public init(host: String = "localhost", port: Int = 5432, user: String, database: String, password: Password? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
    }

    public var isUnixSocket: Bool { self.host.hasPrefix("/") }

    public var description: String {
        let place = self.isUnixSocket ? "\(self.host)/.s.PGSQL.\(self.port)" : "\(self.host):\(self.port)"
        return "postgresql://\(self.user)@\(place)/\(self.database)"
    }

    /// postgres-nio's configuration.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if self.isUnixSocket {
            configuration = .init(
                unixSocketPath: "\(self.host)/.s.PGSQL.\(self.port)", username: self.user,
                password: self.password?.value, database: self.database)
        } else {
            let loopback = ["localhost", "127.0.0.1", "::1"].contains(self.host)
            let tls: PostgresConnection.Configuration.TLS
            switch self.tls {
            case .disable: tls = .disable
            case .automatic where loopback: tls = .disable
            case .automatic, .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            configuration = .init(
                host: self.host, port: self.port, username: self.user, password: self.password?.value,
                database: self.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(self.connectTimeoutSeconds)
        return configuration
    }
}

extension PostgresSettings.Password {
    /// The password in `path` (its first line). Like libpq's `~/.pgpass`, a file that others
    /// than its owner may read is refused: the password would not be secret.
    public static func read(fromFile path: String) throws(SinkError) -> Self {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .configuration("cannot read the password file \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw .configuration(
                "the password file \(path) may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                    + "chmod 600 it")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .configuration("cannot read the password file \(path) as UTF-8 text")
        }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !line.isEmpty else { throw .configuration("the password file \(path) is empty") }
        return Self(line)
    }
}
