import DossierProtocol
import Foundation
import Testing

@Suite("DefaultPaths")
struct DefaultPathsTests {
    let isRoot = getuid() == 0

    @Test func socketHonoursXDGRuntimeDir() {
        #expect(
            DefaultPaths.socketPath(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"])
                == "/run/user/1000/dossier/dossierd.sock")
    }

    @Test(arguments: [[:], ["XDG_RUNTIME_DIR": ""], ["HOME": "/home/x"]] as [[String: String]])
    func socketFallsBackByUser(environment: [String: String]) {
        let expected = self.isRoot ? "/run/dossier/dossierd.sock" : "/tmp/dossier-\(getuid())/dossierd.sock"
        #expect(DefaultPaths.socketPath(environment: environment) == expected)
    }

    @Test func dataDirectoryHonoursXDGStateHomeExceptForRoot() {
        let path = DefaultPaths.dataDirectory(environment: ["XDG_STATE_HOME": "/home/x/.state", "HOME": "/home/x"])
        #expect(path == (self.isRoot ? "/var/lib/dossier" : "/home/x/.state/dossier"))
    }

    @Test func dataDirectoryFallsBackToHome() {
        let path = DefaultPaths.dataDirectory(environment: ["XDG_STATE_HOME": "", "HOME": "/home/x"])
        #expect(path == (self.isRoot ? "/var/lib/dossier" : "/home/x/.local/state/dossier"))
        let homeless = DefaultPaths.dataDirectory(environment: [:])
        #expect(homeless == (self.isRoot ? "/var/lib/dossier" : "/tmp/.local/state/dossier"))
    }

    @Test func runtimeDirWinsAndStateHomeAppliesToNonRoot() {
        let environment = ["XDG_RUNTIME_DIR": "/r", "XDG_STATE_HOME": "/s", "HOME": "/h"]
        #expect(DefaultPaths.socketPath(environment: environment) == "/r/dossier/dossierd.sock")
        #expect(DefaultPaths.dataDirectory(environment: environment) == (self.isRoot ? "/var/lib/dossier" : "/s/dossier"))
    }
}
