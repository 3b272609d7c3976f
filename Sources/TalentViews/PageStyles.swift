import Foundation

/// The style sheets the served pages carry inline (the dashboard's, the evaluators' and the problem pages'), as the
/// `<style>` elements hold them: the API's Content-Security-Policy allows these and no other style, by their hashes.
/// A page gaining a style sheet adds it here; `SecurityHeaderTests` fails on any `<style>` whose hash is not allowed.
public enum PageStyles {
    public static let inline: [String] = [Templates.style, ProblemPage.style]
}
