import Foundation
import Metrics
import Prometheus

/// The process's metrics: swift-metrics recorded into one Prometheus registry, which `GET /metrics` writes out.
///
/// swift-metrics takes one backend per process and refuses a second `bootstrap`, while tests run many servers in one
/// process: `bootstrap()` installs it the first time and does nothing after. A metric made before the backend is
/// installed (by a `Database` or a router built earlier) stays a no-op, so `talent serve` bootstraps before it
/// builds anything, and a CLI command, which never bootstraps, records nothing.
public enum ServerMetrics {
    /// Every metric of this process, once `bootstrap()` has run.
    public static let registry = PrometheusCollectorRegistry()

    /// The buckets of every latency histogram: 1 ms to 10 s (a request, a wait for a pooled connection, a job).
    static let durationBuckets: [Duration] = [
        .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
    ]

    // A static is initialised once, on first use, whichever thread gets there first.
    private static let installed: Bool = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = durationBuckets
        // A library's dotted names (none today) become Prometheus names rather than being refused.
        factory.nameAndLabelSanitizer = { name, labels in
            (name.replacingOccurrences(of: ".", with: "_"),
             labels.map { ($0.0.replacingOccurrences(of: ".", with: "_"), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        Gauge(label: "talent_process_start_time_seconds").record(Date().timeIntervalSince1970)
        return true
    }()

    /// Installs the Prometheus backend, once per process; later calls do nothing.
    public static func bootstrap() {
        _ = installed
    }

    /// The registry in Prometheus's text exposition format (0.0.4).
    static func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        registry.emit(into: &buffer)
        return buffer
    }
}
