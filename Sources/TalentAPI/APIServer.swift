import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// Builds the API: `talent serve` and the API tests use these same functions.
public enum APIServer {
    /// Every operation the router serves (exposed for the OpenAPI test).
    public static func routes(_ services: TalentServices) -> [APIRoute] {
        addRoutes(services, partnerRatePerMinute: RateLimitService.defaultPerMinute, metricsTokens: [],
                  to: Router(context: APIContext.self)).routes
    }

    /// The router: the security headers and the request metrics around everything, then the problem+json
    /// middleware, bearer authentication on `/v1`, the controllers, and 405 with `Allow` for the other methods of a
    /// known path. `partnerRatePerMinute` is `TALENT_PARTNER_RATE_PER_MINUTE` (tests use a small one); the
    /// `metricsTokens` open `GET /metrics` (none: it answers 404), and with one swift-metrics gets its Prometheus
    /// backend (`ServerMetrics.bootstrap()`).
    public static func buildRouter(_ services: TalentServices,
                                   partnerRatePerMinute: Int = RateLimitService.defaultPerMinute,
                                   metricsTokens: [String] = []) -> Router<APIContext> {
        if !metricsTokens.isEmpty { ServerMetrics.bootstrap() }
        let router = Router(context: APIContext.self, options: [.autoGenerateHeadEndpoints])
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestMetricsMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(sessions: services.sessions))
        addRoutes(services, partnerRatePerMinute: partnerRatePerMinute, metricsTokens: metricsTokens, to: router)
            .answerOtherMethods()
        return router
    }

    /// The controllers: the open routes on the router, the others under `/v1` with the caller known.
    private static func addRoutes(_ services: TalentServices, partnerRatePerMinute: Int, metricsTokens: [String],
                                  to router: Router<APIContext>) -> RouteTable {
        let table = RouteTable(router)
        DashboardController(services: services).addRoutes(to: table)
        EvaluateController(services: services).addRoutes(to: table)
        SystemController(services: services).addRoutes(to: table)
        MetricsController(tokens: metricsTokens).addRoutes(to: table)
        SessionController(services: services).addOpenRoutes(to: table)
        let v1 = table.group("v1", context: CallerContext.self)
        SessionController(services: services).addRoutes(to: v1)
        UserController(services: services).addRoutes(to: v1)
        TokenController(services: services).addRoutes(to: v1)
        AgencyController(services: services).addRoutes(to: v1)
        PositionController(services: services).addRoutes(to: v1)
        CandidateController(services: services).addRoutes(to: v1)
        CandidateFileController(services: services).addRoutes(to: v1)
        DataSubjectController(services: services).addRoutes(to: v1)
        ApplicationController(services: services).addRoutes(to: v1)
        ReferralController(services: services).addRoutes(to: v1)
        NominationController(services: services, partnerRatePerMinute: partnerRatePerMinute).addRoutes(to: v1)
        PartnerController(services: services).addRoutes(to: v1)
        RubricController(services: services).addRoutes(to: v1)
        EvaluationController(services: services).addRoutes(to: v1)
        TargetController(services: services).addRoutes(to: v1)
        WorkforceController(services: services).addRoutes(to: v1)
        WebhookController(services: services).addRoutes(to: v1)
        DocumentController(services: services).addRoutes(to: v1)
        MailController(services: services).addRoutes(to: v1)
        ReportController(services: services).addRoutes(to: v1)
        AuditController(services: services).addRoutes(to: v1)
        PrivacyController(services: services).addRoutes(to: v1)
        return table
    }
}

extension Problem {
    func withHeader(_ name: HTTPField.Name, _ value: String) -> Problem {
        var copy = self
        copy.headers[name] = value
        return copy
    }
}
