import NIOCore
import NIOPosix

/// A task executor that runs jobs on one NIO event loop. A pooled connection's work prefers the loop that owns the
/// connection (`withTaskExecutorPreference`, `PoolUse.withConnection`), so each answer from PostgreSQL resumes the
/// work on the thread that read it instead of hopping to Swift's pool and back (issue 15: about a tenth of the
/// server's time on a read by id).
final class EventLoopExecutor: TaskExecutor, @unchecked Sendable {
    let eventLoop: any EventLoop

    private init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// One executor per loop of NIO's shared group, where PostgresNIO's connections live: made once, read without a
    /// lock.
    private static let shared: [ObjectIdentifier: EventLoopExecutor] = {
        var made: [ObjectIdentifier: EventLoopExecutor] = [:]
        for loop in NIOSingletons.posixEventLoopGroup.makeIterator() { made[ObjectIdentifier(loop)] = EventLoopExecutor(loop) }
        return made
    }()

    /// The executor of an event loop (a loop of another group gets one of its own).
    static func of(_ eventLoop: any EventLoop) -> EventLoopExecutor {
        shared[ObjectIdentifier(eventLoop)] ?? EventLoopExecutor(eventLoop)
    }
}
