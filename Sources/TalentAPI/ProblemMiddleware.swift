import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TalentDomain
import TalentWire

/// Outermost middleware: language, request id, one log line per request, and every error as problem+json.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var context = context
        context.language = Language.negotiate(request.headers[.acceptLanguage])
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as ServiceError {
            if error.kind == .internalFailure {
                context.logger.error("request failed", metadata: ["error": "\(error.message.en)"])
            }
            response = try Problem(error, language: context.language).response(from: request, context: context)
        } catch let problem as Problem {
            response = try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            let problem = Problem(status: error.status, slug: error.status == .notFound ? "not-found" : "http-\(error.status.code)",
                                  detail: error.status == .notFound
                                      ? LocalizedText(vi: "Không có đường dẫn \(request.uri.path)", en: "No route \(request.uri.path)")
                                      : LocalizedText(vi: error.body ?? error.status.reasonPhrase, en: error.body ?? error.status.reasonPhrase),
                                  language: context.language)
            response = try problem.response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            response = try Problem(status: .contentTooLarge, slug: "too-large",
                                   detail: LocalizedText(vi: "Nội dung vượt quá 1 MiB", en: "The body is larger than 1 MiB"),
                                   language: context.language).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            response = try Problem(ServiceError(.internalFailure, LocalizedText(vi: "Lỗi nội bộ", en: "Internal error")),
                                   language: context.language).response(from: request, context: context)
        }
        response.headers[.init("X-Request-Id")!] = context.id
        if response.headers[.contentLanguage] == nil { response.headers[.contentLanguage] = context.language.rawValue }
        // Only method, path (never the query, which may hold a citizen ID), status and the actor's id are logged.
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        var metadata: Logger.Metadata = ["duration_ms": "\(Int(milliseconds.rounded()))"]
        if let actor = context.actor.id { metadata["actor"] = .string(actor) }
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code)", metadata: metadata)
        return response
    }
}
