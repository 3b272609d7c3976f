import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentWire

/// The router as the controllers see it: every route they add goes to the router and into `routes`, the table that
/// answers 405 with `Allow` for the other methods of a known path and that the OpenAPI test reads.
final class RouteTable: RouterMethods {
    typealias Context = APIContext

    let router: Router<APIContext>
    /// In the order the controllers added them.
    private var added: [(method: HTTPRequest.Method, path: RouterPath)] = []

    var routes: [APIRoute] { added.map { APIRoute($0.method, $0.path) } }

    init(_ router: Router<APIContext>) {
        self.router = router
    }

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method,
                                      responder: Responder) -> Self where Responder.Context == APIContext {
        added.append((method, path))
        router.on(path, method: method, responder: responder)
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, APIContext>) -> Self {
        router.add(middleware: middleware)
        return self
    }

    /// For each known path, 405 with `Allow` for the methods it does not serve (HEAD comes with GET).
    func answerOtherMethods() {
        var paths: [RouterPath] = []
        for route in added where !paths.contains(route.path) { paths.append(route.path) }
        for path in paths {
            let allowed = added.filter { $0.path == path }.map(\.method)
            let allow = (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .options] where !allowed.contains(method) {
                router.on(path, method: method) { _, context -> Response in
                    throw Problem(status: .methodNotAllowed, slug: "method-not-allowed",
                                  detail: LocalizedText(vi: "Đường dẫn này chỉ nhận \(allow)", en: "This path accepts \(allow) only"),
                                  language: context.language).withHeader(.allow, allow)
                }
            }
        }
    }
}
