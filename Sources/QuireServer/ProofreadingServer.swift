public import QuireCatalogue
import Foundation
import Hummingbird
import Logging
public import QuireCore
public import QuirePipeline

/// `quire serve`: the proofreading room on Hummingbird, over one catalogue.
public struct ProofreadingServer: Sendable {
    public var catalogue: Catalogue
    public var host: String
    public var port: Int
    /// Makes the OCR workers for background OCR started from the browser (nil: not offered).
    public var makePool: (@Sendable (LanguageSet) throws -> PageWorkerPool)?

    public init(catalogue: Catalogue, host: String = "127.0.0.1", port: Int = 8070, makePool: (@Sendable (LanguageSet) throws -> PageWorkerPool)? = nil) {
        self.catalogue = catalogue
        self.host = host
        self.port = port
        self.makePool = makePool
    }

    /// Refuses to listen beyond this machine while the catalogue has no account (anyone on the
    /// network could otherwise reach the room's sign-in page with nobody able to sign in, or
    /// worse, a later account created with a guessable password before anyone noticed).
    public func checkBinding() throws {
        guard !RoomSecurity.isLoopback(host) else { return }
        if try catalogue.accounts().isEmpty {
            throw ServerError(
                .invalidArgument, "will not listen on \(host), beyond this machine, while the catalogue has no account",
                remedy: "add one with 'quire user add NAME --role admin', and put a TLS reverse proxy in front (see the README)")
        }
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
    /// `onListening` gets the address actually bound (the port, when 0 was asked).
    public func run(onListening: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws {
        try checkBinding()
        let router = Router(context: RoomContext.self)
        router.add(middleware: SessionMiddleware(catalogue: catalogue))
        let room = ProofreadingRoom(catalogue: catalogue)
        RoomRoutes(room: room, accounts: AccountDesk(catalogue: catalogue), throttle: LoginThrottle()).register(on: router)
        DeskRoutes(desk: RightsDesk(catalogue: catalogue)).register(on: router)
        let jobs = BackgroundJobs(catalogue: catalogue, makePool: makePool)
        BatchRoutes(catalogue: catalogue, jobs: jobs).register(on: router)
        let warmUp = Task.detached(priority: .utility) { await room.warmUp() }
        defer { warmUp.cancel() }
        var logger = Logger(label: "quire-serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "quire"),
            onServerRunning: { channel in
                onListening(host, channel.localAddress?.port ?? port)
            },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        // Pages being read finish and are kept; the rest stay pending for the next start.
        jobs.stopAll()
    }
}
