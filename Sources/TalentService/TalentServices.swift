import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// The service layer: every rule, every permission check and every write of the product. The CLI and the API are
/// thin edges that call these methods and translate their results.
public struct TalentServices: Sendable {
    public let database: Database
    public let agencies: AgencyService
    public let users: UserService
    public let tokens: TokenService
    public let sessions: SessionService
    public let candidates: CandidateService
    public let dataSubjects: DataSubjectService
    public let consents: ConsentService
    public let positions: PositionService
    public let applications: ApplicationService
    public let audit: AuditService
    public let candidateCSV: CandidateCSV
    public let partners: PartnerService
    public let referrals: ReferralService
    public let nominations: NominationService
    /// Partners' webhooks and the outbox of their deliveries.
    public let webhooks: WebhookService
    /// Documents of candidates' files.
    public let documents: DocumentService
    /// E-mail from the outbox.
    public let mail: MailService
    public let reports: ReportService
    public let evaluations: EvaluationService
    public let targets: TargetService
    /// Officials in post doing legal-drafting work.
    public let officials: OfficialService
    /// Trainings, attendance and the coverage report (plan II.2.d).
    public let trainings: TrainingService
    /// Hiring decisions.
    public let decisions: DecisionService
    /// Commendations of officials and referrers.
    public let commendations: CommendationService
    /// Agencies' yearly submissions and the province's issued reports.
    public let reportChain: ReportChainService
    public let schema: SchemaService
    public let privacy: PrivacyService
    /// Base backups and restores of the whole cluster (files and PostgreSQL's tools, not this database's pools).
    public let backups: BackupService
    /// Partners' request rate on the nomination routes.
    public let rateLimits: RateLimitService
    /// Reads of personal data waiting to be written to the audit trail (flushed by the server's service, and by
    /// every CLI command before it exits).
    public let readLog: ReadLog

    /// The services over one database, with the rules' settings (the composition root reads them from the
    /// configuration; no service reads the environment).
    public init(database: Database, settings: ServiceSettings = ServiceSettings()) {
        self.database = database
        self.readLog = ReadLog(database: database, limit: settings.readLogLimit)
        self.schema = SchemaService(database: database, migrationsDirectory: settings.migrationsDirectory,
                                    migrationURL: settings.migrationDatabaseURL)
        self.agencies = AgencyService(database: database)
        self.users = UserService(database: database, sessions: settings.sessions)
        self.tokens = TokenService(database: database, maxLifetimeDays: settings.tokenMaxDays)
        self.sessions = SessionService(database: database, tokens: tokens, settings: settings.sessions)
        self.candidates = CandidateService(database: database, readLog: readLog)
        self.dataSubjects = DataSubjectService(database: database, retentionDays: settings.retentionDays)
        self.consents = ConsentService(database: database)
        self.positions = PositionService(database: database)
        self.applications = ApplicationService(database: database, requireCompletePanel: settings.requireCompletePanel)
        self.audit = AuditService(database: database)
        self.candidateCSV = CandidateCSV(database: database)
        self.partners = PartnerService(database: database)
        self.referrals = ReferralService(database: database, creditMonths: settings.referralCreditMonths)
        self.nominations = NominationService(database: database, referrals: referrals, readLog: readLog)
        self.webhooks = WebhookService(database: database, retry: settings.webhookRetry)
        self.documents = DocumentService(database: database, readLog: readLog, maxBytes: settings.documentMaxBytes)
        self.mail = MailService(database: database, settings: settings.mail, retry: settings.webhookRetry)
        self.reports = ReportService(database: database)
        self.evaluations = EvaluationService(database: database)
        self.targets = TargetService(database: database)
        self.officials = OfficialService(database: database)
        self.trainings = TrainingService(database: database)
        self.decisions = DecisionService(database: database)
        self.commendations = CommendationService(database: database)
        self.reportChain = ReportChainService(database: database, issuer: settings.reportIssuer,
                                              pdf: PDFRenderer(executable: settings.weasyprint))
        self.privacy = PrivacyService(database: database)
        self.backups = BackupService(settings: settings.backup)
        self.rateLimits = RateLimitService(database: database)
    }

    /// The services for tests: the default settings but for the panel rule (some tests turn it off) and the cheapest
    /// bcrypt cost.
    public init(database: Database, requireCompletePanel: Bool?) {
        var settings = ServiceSettings()
        if let requireCompletePanel { settings.requireCompletePanel = requireCompletePanel }
        // Tests hash with the cheapest cost: the rules are the same, the CPU is spared.
        settings.sessions.bcryptCost = 4
        self.init(database: database, settings: settings)
    }

    /// Whether the database answers, for `GET /health`.
    /// The primary's state for `/health`: answering, busy (no pooled connection free in time), or down.
    public func databaseHealth() async -> DatabaseHealth {
        await database.health()
    }

    /// The read replica's state and lag, for `GET /health`; nil when `DATABASE_READ_URL` names none.
    public func replicaState() async -> ReplicaState? {
        await database.replicaState()
    }
}

/// The settings of the service layer's rules, each with the product's default.
public struct ServiceSettings: Sendable, Equatable {
    /// A referral is credited when it is the candidate's first within this many months (`TALENT_REFERRAL_CREDIT_MONTHS`).
    public var referralCreditMonths: Int
    /// An application leaves `evaluation` only with a complete panel (`TALENT_REQUIRE_COMPLETE_PANEL`).
    public var requireCompletePanel: Bool
    /// Where `sql/migrations` is (`TALENT_MIGRATIONS_DIR`, else found beside the working directory or the program).
    public var migrationsDirectory: URL?
    /// How long sessions live and how failed sign-ins are limited.
    public var sessions = SessionSettings()
    /// No issued token lives longer than this many days (`TALENT_TOKEN_MAX_DAYS`).
    public var tokenMaxDays = 365
    /// The schema owner's address, which migrations connect as (`DATABASE_MIGRATION_URL`); nil: the database's own
    /// (a deployment with one role, whose audit trail the application could then edit).
    public var migrationDatabaseURL: DatabaseURL?
    /// Days after a person's last application closed without a hire before the retention rule erases their data
    /// (`TALENT_RETENTION_DAYS`; Law 91/2025/QH15 Art. 25.1.c), time to complain about the decision.
    public var retentionDays = 30
    /// How many logged reads wait in memory before they are written without waiting for the next second.
    public var readLogLimit = 500
    /// Where backups live and which role takes them (`TALENT_BACKUP_DIR`, `TALENT_BACKUP_URL`, `TALENT_PG_BIN`).
    public var backup = BackupSettings()
    /// Who issues the province's report and how its form reads (`report_issuer` in config/talent.json).
    public var reportIssuer = ReportIssuer.dongThap
    /// The PDF renderer (`TALENT_WEASYPRINT`; nil: `weasyprint` on the PATH).
    public var weasyprint: String?
    /// When a failed webhook delivery is tried again (`TALENT_WEBHOOK_RETRY_SECONDS`, the first wait; doubling up to
    /// six hours, 12 attempts in all).
    public var webhookRetry = RetryPolicy()
    /// The largest document accepted, in bytes (`TALENT_DOCUMENT_MAX_BYTES`).
    public var documentMaxBytes = DocumentService.defaultMaxBytes
    /// How e-mail is sent (`TALENT_SENDMAIL`, `TALENT_MAIL_FROM`, `TALENT_MAIL_LANGUAGE`, `TALENT_PUBLIC_URL`).
    public var mail = MailSettings()

    public init(referralCreditMonths: Int = 12, requireCompletePanel: Bool = true,
                migrationsDirectory: URL? = Migrator.locateDirectory(environment: [:])) {
        self.referralCreditMonths = referralCreditMonths
        self.requireCompletePanel = requireCompletePanel
        self.migrationsDirectory = migrationsDirectory
    }
}
