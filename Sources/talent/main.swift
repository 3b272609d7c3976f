import Foundation
import NIOCore
import NIOPosix
import TalentApp

// TALENT_EXECUTOR=nio runs Swift's tasks on NIO's event loops (the ones the HTTP server and PostgreSQL's connections
// use), so that a request's awaits do not hop between NIO's threads and Swift's cooperative pool (measured in
// BENCHMARKS.md, issue 15). It must happen before any task starts, so here, first.
if ProcessInfo.processInfo.environment["TALENT_EXECUTOR"] == "nio" {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
exit(await TalentApp.run(Array(CommandLine.arguments.dropFirst())))
