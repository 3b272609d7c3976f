import Foundation
import HTTPTypes
import Hummingbird
import Metrics
import Synchronization

/// Counts every request by method, route and status and times it (`GET /metrics`), and every nomination submitted
/// by its outcome. The route is the router's pattern (`/v1/candidates/{id}`), never the path as sent, so no id,
/// citizen ID or other personal data becomes a label; a path no route matches is `unmatched`.
///
/// It sits outside the problem middleware, so it sees the status the caller gets. The time is the time to the
/// response, not counting the transfer of its body.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = APIContext

    private let series = SeriesCache()
    private let inFlight = Meter(label: "talent_http_requests_in_flight")
    private let nominations: [NominationOutcome: Counter]

    init() {
        // Every outcome from zero, so that a rate over them is defined before the first of each.
        var nominations: [NominationOutcome: Counter] = [:]
        for outcome in NominationOutcome.allCases {
            nominations[outcome] = Counter(label: "talent_nominations_total", dimensions: [("outcome", outcome.rawValue)])
        }
        self.nominations = nominations
    }

    func handle(_ request: Request, context: APIContext,
                next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        inFlight.increment()
        defer { inFlight.decrement() }
        let status: HTTPResponse.Status
        let response: Response
        do {
            response = try await next(request, context)
            status = response.status
        } catch {
            // The problem middleware answers every error; what still gets here is answered by Hummingbird.
            status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            record(request, context: context, status: status, replayed: false, since: started)
            throw error
        }
        record(request, context: context, status: status,
               replayed: response.headers[NominationController.replayedHeader] == "true", since: started)
        return response
    }

    private func record(_ request: Request, context: APIContext, status: HTTPResponse.Status, replayed: Bool,
                        since started: ContinuousClock.Instant) {
        let route = Self.route(context.endpointPath)
        let method = Self.method(request.method)
        let metrics = series.metrics(method: method, route: route, status: status.code)
        metrics.requests.increment()
        metrics.duration.record(duration: ContinuousClock.now - started)
        if method == "POST", route == "/v1/nominations" {
            nominations[NominationOutcome(status: status.code, replayed: replayed)]?.increment()
        }
    }

    /// The route pattern the router matched, `unmatched` for none.
    static func route(_ endpointPath: String?) -> String {
        guard let path = endpointPath, !path.isEmpty, path != "NotFound" else { return "unmatched" }
        return path.hasPrefix("/") ? path : "/" + path
    }

    /// The method, or `other` for one no route serves: a label takes a bounded set of values.
    static func method(_ method: HTTPRequest.Method) -> String {
        let known: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        return known.contains(method) ? method.rawValue : "other"
    }

    /// What became of a `POST /v1/nominations`, from its status (the nomination code is not touched to say it).
    enum NominationOutcome: String, CaseIterable, Sendable {
        /// 201, stored now.
        case accepted
        /// 201 with `Idempotent-Replayed: true`: a retry answered with the first answer.
        case replayed
        /// 409: the key is in use by a request still running, or was used with another body.
        case conflict
        /// 429: the partner's rate.
        case rateLimited = "rate_limited"
        /// 400, 413, 415, 422: the request or its body.
        case invalid
        /// 401, 403, 404: who sent it, or what it points at.
        case refused
        /// 5xx: the server or the database.
        case failed

        init(status: Int, replayed: Bool) {
            switch status {
            case 200..<300: self = replayed ? .replayed : .accepted
            case 409: self = .conflict
            case 429: self = .rateLimited
            case 401, 403, 404: self = .refused
            case 400..<500: self = .invalid
            default: self = .failed
            }
        }
    }
}

/// The counter and histogram of each method, route and status, made once: a lookup here is cheaper than the
/// registry's, and the label values are built once.
private final class SeriesCache: Sendable {
    struct Key: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    struct Series: Sendable {
        let requests: Counter
        let duration: Metrics.Timer
    }

    private let cache = Mutex<[Key: Series]>([:])

    func metrics(method: String, route: String, status: Int) -> Series {
        let key = Key(method: method, route: route, status: status)
        if let found = cache.withLock({ $0[key] }) { return found }
        let series = Series(
            requests: Counter(label: "talent_http_requests_total",
                              dimensions: [("method", method), ("route", route), ("status", String(status))]),
            duration: Metrics.Timer(label: "talent_http_request_duration_seconds",
                                    dimensions: [("method", method), ("route", route)]))
        return cache.withLock { cache in
            if let raced = cache[key] { return raced }
            cache[key] = series
            return series
        }
    }
}
