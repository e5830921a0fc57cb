import ArgumentParser
import BackchannelStore
import BackchannelWeb
import Foundation

/// `backchannel users`: accounts for the web application.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the web application's accounts (admin, analyst, reader).",
        subcommands: [List.self, Add.self, Passwd.self, SetRole.self, Email.self]
    )

    /// The password from standard input (`--password-stdin`), or asked twice without echo on a terminal.
    static func readPassword(fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("--password-stdin: standard input held no password")
            }
            return line
        }
        guard isatty(0) == 1 else { throw ValidationError("no terminal to ask for the password: give it on standard input with --password-stdin") }
        guard let first = getpass("Password (10 characters or more): ").map({ String(cString: $0) }),
              let second = getpass("Once more: ").map({ String(cString: $0) }) else { throw ValidationError("no password given") }
        guard first == second else { throw ValidationError("the two passwords differ") }
        return first
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await withStore(store) { store in
                for user in try await store.users() { say("\(user.name)\t\(user.role.rawValue)\t\(user.createdAt)") }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user.", discussion: "Example: echo 'a long passphrase' | backchannel users add maria --role analyst --password-stdin")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's name (letters, digits, dots, dashes, underscores).") var name: String
        @Option(name: .long, help: "admin, analyst or reader.") var role: String = "analyst"
        @Flag(name: .long, help: "Read the password from standard input.") var passwordStdin = false
        @Option(name: .long, help: "Where to send the user's watchlist digests.") var email: String?

        func run() async throws {
            guard let role = AccessRole(rawValue: role) else { throw ValidationError("--role \(role): one of admin, analyst, reader") }
            if let email, !Store.validEmail(email) { throw ValidationError("--email \(email): not an e-mail address") }
            let password = try UsersCommand.readPassword(fromStandardInput: passwordStdin)
            try await withStore(store) { store in
                try await store.addUser(name: name, passwordHash: try Passwords.hash(password), role: role)
                if let email { try await store.setEmail(ofUser: name, to: email) }
                say("added \(name) (\(role.rawValue))")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password (ends the user's sessions).")
        @OptionGroup var store: StoreOptions
        @Argument var name: String
        @Flag(name: .long, help: "Read the password from standard input.") var passwordStdin = false

        func run() async throws {
            let password = try UsersCommand.readPassword(fromStandardInput: passwordStdin)
            try await withStore(store) { store in
                try await store.setPassword(ofUser: name, passwordHash: try Passwords.hash(password))
                say("new password for \(name)")
            }
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a user's role.")
        @OptionGroup var store: StoreOptions
        @Argument var name: String
        @Argument(help: "admin, analyst or reader.") var role: String

        func run() async throws {
            guard let role = AccessRole(rawValue: role) else { throw ValidationError("\(role): one of admin, analyst, reader") }
            try await withStore(store) { store in
                try await store.setRole(ofUser: name, to: role)
                say("\(name) is now \(role.rawValue)")
            }
        }
    }

    struct Email: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set (or with --remove, remove) the address a user's digests go to.")
        @OptionGroup var store: StoreOptions
        @Argument var name: String
        @Argument var address: String?
        @Flag(name: .long) var remove = false

        func validate() throws {
            if remove == (address != nil) { throw ValidationError("give an ADDRESS or --remove") }
        }

        func run() async throws {
            try await withStore(store) { store in
                try await store.setEmail(ofUser: name, to: remove ? nil : address)
                say(remove ? "\(name) gets no digests" : "\(name)'s digests go to \(address!)")
            }
        }
    }
}

