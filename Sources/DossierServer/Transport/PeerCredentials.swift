import DossierProtocol
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

extension PeerCredentials {
    /// Reads the credentials of `channel`'s peer.
    public static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        // getOption(ChannelOptions.socketOption) reads only an Int32 and would lose uid and gid.
        let credentials: EventLoopFuture<KernelLayout> = provider.unsafeGetSocketOption(
            level: .socket, name: .init(rawValue: SO_PEERCRED))
        return credentials.map(PeerCredentials.init)
    }
}
