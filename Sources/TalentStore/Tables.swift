import Logging
import PostgresNIO

/// The tables bound to one connection, as `Database.transaction`, `read` and `report` hand them to a use case: in a
/// transaction every statement belongs to it; in `read` and `report` each stands alone. Each table is a small struct
/// holding the same connection and logger, so reaching one (`tx.candidates`) is a copy, never an allocation.
public struct Tables: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Partnership agreements.
    public var agreements: AgreementTable { AgreementTable(connection: connection, logger: logger) }
    public var agencies: AgencyTable { AgencyTable(connection: connection, logger: logger) }
    /// Applications and their stage history.
    public var applications: ApplicationTable { ApplicationTable(connection: connection, logger: logger) }
    /// The append-only audit trail.
    public var audit: AuditTable { AuditTable(connection: connection, logger: logger) }
    /// Candidate profiles and their education records.
    public var candidates: CandidateTable { CandidateTable(connection: connection, logger: logger) }
    /// The CSV import's staging table.
    public var candidateImport: CandidateImportTable { CandidateImportTable(connection: connection, logger: logger) }
    /// Conflicts of interest between evaluators and candidates.
    public var consents: ConsentTable { ConsentTable(connection: connection, logger: logger) }

    /// Erasure that keeps the statistics, and the retention rule's list.
    public var erasure: ErasureTable { ErasureTable(connection: connection, logger: logger) }

    /// Commendations of officials and referrers.
    public var commendations: CommendationTable { CommendationTable(connection: connection, logger: logger) }
    /// Hiring decisions, kept as signed.
    public var decisions: DecisionTable { DecisionTable(connection: connection, logger: logger) }
    /// Agencies' yearly submissions and the province's issued reports.
    public var reportChain: ReportChainTable { ReportChainTable(connection: connection, logger: logger) }
    /// Officials in post doing legal-drafting work.
    public var officials: OfficialTable { OfficialTable(connection: connection, logger: logger) }
    /// Trainings, their attendance and the coverage report.
    public var trainings: TrainingTable { TrainingTable(connection: connection, logger: logger) }
    public var conflicts: ConflictDeclarationTable { ConflictDeclarationTable(connection: connection, logger: logger) }
    /// Evaluation panels and score sheets.
    public var evaluations: EvaluationTable { EvaluationTable(connection: connection, logger: logger) }
    /// Idempotency keys of partner requests.
    public var idempotency: IdempotencyTable { IdempotencyTable(connection: connection, logger: logger) }
    public var nominations: NominationTable { NominationTable(connection: connection, logger: logger) }
    /// Partner institutions.
    public var partners: PartnerTable { PartnerTable(connection: connection, logger: logger) }
    /// Data subjects' requests, public holidays, breaches and the personal-data inventory.
    public var privacy: PrivacyTable { PrivacyTable(connection: connection, logger: logger) }
    public var positions: PositionTable { PositionTable(connection: connection, logger: logger) }
    public var referrals: ReferralTable { ReferralTable(connection: connection, logger: logger) }
    /// Partners' request budgets (token buckets), shared by every instance of the server.
    public var rateLimits: RateLimitTable { RateLimitTable(connection: connection, logger: logger) }
    /// The reports' statements (run them through `Database.report`, on the replica when there is one).
    public var reports: ReportTable { ReportTable(connection: connection, logger: logger) }
    /// Documents of candidates' files and their bytes.
    public var documents: DocumentTable { DocumentTable(connection: connection, logger: logger) }
    /// What the e-mail job queues: evaluators' reminders and HR's digest.
    public var mail: MailTable { MailTable(connection: connection, logger: logger) }
    /// The outbox: webhook deliveries and e-mail to send, and the answers to their attempts.
    public var outbox: OutboxTable { OutboxTable(connection: connection, logger: logger) }
    /// Partners' webhooks (their deliveries wait in the outbox).
    public var webhooks: WebhookTable { WebhookTable(connection: connection, logger: logger) }
    /// Rubrics, versioned by name.
    public var rubrics: RubricTable { RubricTable(connection: connection, logger: logger) }
    /// Whether one record is within an actor's reach.
    public var reach: ReachTable { ReachTable(connection: connection, logger: logger) }
    /// Signed-in sessions and failed sign-ins.
    public var sessions: SessionTable { SessionTable(connection: connection, logger: logger) }
    public var subject: SubjectTable { SubjectTable(connection: connection, logger: logger) }

    public var targets: TargetTable { TargetTable(connection: connection, logger: logger) }
    /// API tokens, found by the hash of their secret.
    public var tokens: TokenTable { TokenTable(connection: connection, logger: logger) }
    /// Staff users.
    public var users: UserTable { UserTable(connection: connection, logger: logger) }
}
