import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuireOCR
import QuirePipeline
import QuireServer

extension Quire {
    /// `quire serve`: the proofreading room in a browser.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the proofreading room: the scan beside the text, levels, revisions, in a browser.",
            discussion: """
                Listens on 127.0.0.1:8070 by default. Sign in with an account made by 'quire user add'. \
                Listening on another address needs at least one account; beyond one machine, put a \
                TLS reverse proxy in front (see the README). Stops cleanly on Ctrl-C or SIGTERM.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions

        /// The engine of OCR started from the browser's batch view, as for 'quire ocr'.
        @OptionGroup var engine: EngineOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("The port to listen on (0: any free port, printed at start).", valueName: "port"))
        var port = 8070

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        }

        func run() async throws {
            let server: ProofreadingServer
            let engine = self.engine
            server = ProofreadingServer(catalogue: try catalogueOptions.open(), host: host, port: port) { languages in
                let locator = try TessdataLocator(explicit: engine.tessdata, environment: ProcessInfo.processInfo.environment)
                let wanted = engine.lang.flatMap(LanguageSet.init) ?? languages
                try locator.requireInstalled(wanted)
                let factory = engine.factory(tessdata: locator, defaultLanguages: wanted)
                #if QUIRE_FAULT_HOOKS
                return PageWorkerPool(factory: FaultHooks.slowed(factory), workers: engine.jobs)
                #else
                return PageWorkerPool(factory: factory, workers: engine.jobs)
                #endif
            }
            try server.checkBinding()
            try await server.run { host, port in
                Terminal.note("the proofreading room is open at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C stops it)")
            }
        }
    }
}
