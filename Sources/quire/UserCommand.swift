public import ArgumentParser
import Foundation
import QuireCatalogue
public import QuireCore
import QuireServer

extension ProofreadingRole: ExpressibleByArgument {}

extension Quire {
    /// `quire user`: accounts of the proofreading room (`quire serve`).
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the accounts of the proofreading room ('quire serve').",
            subcommands: [Add.self, List.self])

        /// `quire user add NAME --role ROLE`: the password from the terminal or standard input.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an account; the password is read from the terminal (asked twice) or from standard input, never from the command line.",
                discussion: "Roles: proofreader, rights-officer, admin (may set any level, as ProofreadPage's pagequality-admin right). Passwords are stored as bcrypt hashes; at least \(AccountDesk.minimumPasswordLength) characters.")

            @OptionGroup var catalogueOptions: CatalogueOptions

            @Argument(help: "The account's name, as it will appear in revisions and in <pagequality user=…>.")
            var name: String

            @Option(help: ArgumentHelp("proofreader, rights-officer or admin.", valueName: "role"))
            var role: ProofreadingRole

            @Flag(help: "Set the role and password of an account that exists (ends its sessions).")
            var replace = false

            func run() throws {
                let password: String
                if isatty(STDIN_FILENO) != 0 {
                    guard let first = Self.ask("Password for \(name): "), let second = Self.ask("Again: ") else { throw ExitCode(QuireExit.code(for: .usage)) }
                    guard first == second else {
                        Terminal.error("the two passwords differ; nothing was changed")
                        throw ExitCode(QuireExit.code(for: .usage))
                    }
                    password = first
                } else {
                    password = (readLine(strippingNewline: true) ?? "")
                }
                try AccountDesk(catalogue: try catalogueOptions.open()).add(name: name, role: role, password: password, replace: replace)
                Terminal.note("account '\(name)' (\(role.rawValue)) \(replace ? "updated" : "added")")
            }

            /// A line read from the terminal without echo.
            static func ask(_ prompt: String) -> String? {
                guard let line = getpass(prompt) else { return nil }
                return String(cString: line)
            }
        }

        /// `quire user list`.
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the accounts and their roles.")
            @OptionGroup var catalogueOptions: CatalogueOptions

            func run() throws {
                for account in try catalogueOptions.open().accounts() { Terminal.out("\(account.name)\t\(account.role.rawValue)") }
            }
        }
    }
}
