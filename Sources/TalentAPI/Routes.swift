import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentService

/// Every operation of the API, each translating a request into one service call and its result into JSON.
func apiRoutes(_ services: TalentServices, limiter: RateLimiter = RateLimiter()) -> [APIRoute] {
    /// Partners are held to their rate on the nomination routes.
    @Sendable func throttle(_ context: APIContext) async throws {
        guard let actor = context.actor, actor.role == .partner, let partner = actor.partnerCode else { return }
        do {
            try await limiter.take(partner)
        } catch let limited as RateLimiter.RateLimited {
            throw Problem(status: .tooManyRequests, slug: "rate-limited",
                          detail: LocalizedText(vi: "Quá nhiều yêu cầu; thử lại sau \(limited.retryAfter) giây",
                                                en: "Too many requests; retry in \(limited.retryAfter) s"),
                          language: context.language).withHeader(.retryAfter, String(limited.retryAfter))
        }
    }

    // Read and converted once, when the routes are built: a broken openapi.yaml stops the server at start.
    let openAPIYAML = OpenAPISpec.yaml, openAPIJSON = OpenAPISpec.json

    return dashboardRoutes(services) + [
        APIRoute(.get, "/health") { _, _ in
            let up = await services.databaseIsReachable()
            return Reply.json(["status": up ? "ok" : "unavailable", "database": up ? "ok" : "unavailable"],
                              status: up ? .ok : .serviceUnavailable)
        },
        APIRoute(.get, "/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: openAPIJSON)))
        },
        APIRoute(.get, "/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: openAPIYAML)))
        },

        // Agencies
        APIRoute(.get, "/v1/agencies") { request, context in
            let page = try await services.agencies.list(
                includeRetired: request.flag("include_retired") ?? false, kind: request.query("kind"),
                page: request.pageRequest(), by: context.requireActor())
            return Reply.json(page)
        },

        // Positions
        APIRoute(.get, "/v1/positions") { request, context in
            Reply.json(try await services.positions.list(
                agency: request.query("agency"), kind: request.query("kind"), status: request.query("status"),
                page: request.pageRequest(), by: context.requireActor()))
        },
        APIRoute(.post, "/v1/positions") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let draft = PositionForms.draft(&body)
            try body.finish { _ = try ValidPosition(draft) }
            let position = try await services.positions.add(draft, by: actor)
            return Reply.created(position, location: "/v1/positions/\(position.id.text)")
        },
        APIRoute(.get, "/v1/positions/{id}") { _, context in
            let position = try await services.positions.get(context.parameters.require("id"), by: context.requireActor())
            return Reply.versioned(position, version: position.version)
        },
        APIRoute(.patch, "/v1/positions/{id}") { request, context in
            let actor = try context.requireActor()
            let version = try request.requiredVersion()
            var body = try await JSONBody.read(request, context: context)
            let draft = PositionForms.draft(&body)
            try body.finish()
            let fields = Set(body.keys.compactMap(PositionService.Field.init(rawValue:)))
            let position = try await services.positions.update(context.parameters.require("id"), patch: draft,
                                                               fields: fields, expectedVersion: version, by: actor)
            return Reply.versioned(position, version: position.version)
        },

        // Candidates
        APIRoute(.get, "/v1/candidates") { request, context in
            Reply.json(try await services.candidates.list(request.candidateQuery(), page: request.pageRequest(),
                                                          by: context.requireActor()))
        },
        APIRoute(.post, "/v1/candidates") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let draft = CandidateForms.draft(&body)
            try body.finish { _ = try ValidCandidate(draft) }
            let created = try await services.candidates.add(draft, by: actor)
            return Reply.created(created, location: "/v1/candidates/\(created.candidate.id.text)")
        },
        APIRoute(.get, "/v1/candidates/{id}") { _, context in
            let candidate = try await services.candidates.get(context.parameters.require("id"), by: context.requireActor())
            return Reply.versioned(candidate, version: candidate.version)
        },
        APIRoute(.patch, "/v1/candidates/{id}") { request, context in
            let actor = try context.requireActor()
            let version = try request.requiredVersion()
            var body = try await JSONBody.read(request, context: context)
            let draft = CandidateForms.draft(&body)
            try body.finish()
            let fields = Set(body.keys.compactMap(CandidateDraft.Field.init(rawValue:)))
            let candidate = try await services.candidates.update(context.parameters.require("id"), patch: draft,
                                                                 fields: fields, expectedVersion: version, by: actor)
            return Reply.versioned(candidate, version: candidate.version)
        },
        APIRoute(.get, "/v1/candidates/{id}/duplicates") { _, context in
            let items = try await services.candidates.duplicates(of: context.parameters.require("id"), by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.post, "/v1/candidates/{id}/merge") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let other = body.string("other_id")
            try body.finish()
            guard let other else { throw ServiceError.invalid("other_id", vi: "bắt buộc", en: "is required") }
            let merged = try await services.candidates.merge(keep: context.parameters.require("id"), other: other, by: actor)
            return Reply.versioned(merged, version: merged.version)
        },

        // Applications
        APIRoute(.get, "/v1/applications") { request, context in
            Reply.json(try await services.applications.list(
                candidateID: request.query("candidate_id") ?? request.query("candidate"),
                positionID: request.query("position_id") ?? request.query("position"), stage: request.query("stage"),
                agency: request.query("agency"), page: request.pageRequest(), by: context.requireActor()))
        },
        APIRoute(.post, "/v1/applications") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let candidate = body.string("candidate_id")
            let position = body.string("position_id")
            try body.finish()
            let application = try await services.applications.open(candidateID: candidate, positionID: position, by: actor)
            return Reply.created(application, location: "/v1/applications/\(application.id.text)")
        },
        APIRoute(.get, "/v1/applications/{id}") { _, context in
            let application = try await services.applications.get(context.parameters.require("id"), by: context.requireActor())
            return Reply.versioned(application, version: application.version)
        },
        APIRoute(.post, "/v1/applications/{id}/transitions") { request, context in
            let actor = try context.requireActor()
            let version = try request.optionalVersion()
            var body = try await JSONBody.read(request, context: context)
            let to = body.string("to")
            let reason = body.string("reason")
            try body.finish()
            let application = try await services.applications.move(context.parameters.require("id"), to: to, reason: reason,
                                                                    expectedVersion: version, by: actor)
            return Reply.versioned(application, version: application.version)
        },
        APIRoute(.get, "/v1/applications/{id}/history") { _, context in
            let history = try await services.applications.history(context.parameters.require("id"), by: context.requireActor())
            return Reply.json(Page(items: history, nextCursor: nil))
        },

        // Referrals
        APIRoute(.get, "/v1/referrals") { request, context in
            let credited = try request.flag("credited")
            return Reply.json(try await services.referrals.list(
                candidateID: request.query("candidate_id") ?? request.query("candidate"), kind: request.query("referrer_kind"),
                referrer: request.query("referrer"), credited: credited, page: request.pageRequest(),
                by: context.requireActor()))
        },
        APIRoute(.post, "/v1/referrals") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let draft = ReferralDraft(
                candidateID: body.string("candidate_id"), referrerKind: body.string("referrer_kind"),
                referrerName: body.string("referrer_name"), referrerTitle: body.string("referrer_title"),
                referrerEmail: body.string("referrer_email"), referrerUserID: body.string("referrer_user_id"),
                referrerAgencyCode: body.string("referrer_agency_code"),
                referrerPartnerCode: body.string("referrer_partner_code"), relationship: body.string("relationship"),
                justification: body.string("justification"))
            try body.finish { _ = try ValidReferral(draft) }
            let referral = try await services.referrals.add(draft, by: actor)
            return Reply.created(referral, location: "/v1/referrals?candidate_id=\(referral.candidateID.text)")
        },

        // Nominations (partner universities)
        APIRoute(.post, "/v1/nominations") { request, context in
            let actor = try context.requireActor()
            try await throttle(context)
            var body = try await JSONBody.read(request, context: context)
            let submitted = body.value
            let candidate = body.object("candidate") { CandidateForms.draft(&$0) }
            let position = body.string("position_id")
            let nominator = body.object("nominator") { n in (n.string("name"), n.string("title"), n.string("email")) }
            let relationship = body.string("relationship")
            let justification = body.string("justification")
            let consent = body.object("consent") { c in (c.string("obtained_at"), c.string("notice_version")) }
            let draft = NominationDraft(
                candidate: candidate ?? CandidateDraft(), positionID: position, nominatorName: nominator?.0,
                nominatorTitle: nominator?.1, nominatorEmail: nominator?.2, relationship: relationship,
                justification: justification, consentObtainedAt: consent?.0, consentNoticeVersion: consent?.1)
            try body.finish { _ = try ValidNomination(draft) }
            let answer = try await services.nominations.submit(draft, submitted: submitted,
                                                               idempotencyKey: request.headers[.init("Idempotency-Key")!],
                                                               by: actor)
            var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
            if answer.replayed { headers[.init("Idempotent-Replayed")!] = "true" }
            return Response(status: .init(code: answer.status), headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        },
        APIRoute(.get, "/v1/nominations") { request, context in
            try await throttle(context)
            return Reply.json(try await services.nominations.list(page: request.pageRequest(), by: context.requireActor()))
        },
        APIRoute(.get, "/v1/nominations/{id}") { _, context in
            try await throttle(context)
            return Reply.json(try await services.nominations.get(context.parameters.require("id"), by: context.requireActor()))
        },

        // Partners and agreements
        APIRoute(.get, "/v1/partners") { request, context in
            Reply.json(try await services.partners.list(page: request.pageRequest(), by: context.requireActor()))
        },
        APIRoute(.post, "/v1/partners") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let code = body.string("code"), name = body.string("name"), kind = body.string("kind")
            let contactName = body.string("contact_name"), email = body.string("contact_email")
            let phone = body.string("contact_phone")
            try body.finish()
            let partner = try await services.partners.add(code: code, name: name, kind: kind, contactName: contactName,
                                                          contactEmail: email, contactPhone: phone, by: actor)
            return Reply.created(partner, location: "/v1/partners/\(partner.code)")
        },
        APIRoute(.get, "/v1/partners/{code}") { _, context in
            Reply.json(try await services.partners.get(context.parameters.require("code"), by: context.requireActor()))
        },
        APIRoute(.get, "/v1/partners/{code}/agreements") { _, context in
            let items = try await services.partners.agreements(partner: context.parameters.require("code"),
                                                               by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.post, "/v1/partners/{code}/agreements") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let draft = AgreementForms.draft(&body)
            try body.finish { _ = try ValidAgreement(draft) }
            let agreement = try await services.partners.addAgreement(partner: context.parameters.require("code"), draft, by: actor)
            return Reply.created(agreement, location: "/v1/agreements/\(agreement.id.text)")
        },
        APIRoute(.get, "/v1/agreements/{id}") { _, context in
            let agreement = try await services.partners.agreement(context.parameters.require("id"), by: context.requireActor())
            return Reply.versioned(agreement, version: agreement.version)
        },
        APIRoute(.patch, "/v1/agreements/{id}") { request, context in
            let actor = try context.requireActor()
            let version = try request.requiredVersion()
            var body = try await JSONBody.read(request, context: context)
            let id = try context.parameters.require("id")
            if body.has("status") {
                // A change of state: {"status": "active" | "suspended" | "terminated", "reason": ...}
                let status = body.string("status")
                let reason = body.string("reason")
                try body.finish()
                let actions: [String: String] = ["active": "activate", "suspended": "suspend", "terminated": "terminate"]
                guard let status, let action = actions[status] else {
                    throw ServiceError.invalid("status", vi: "phải là active, suspended hoặc terminated",
                                               en: "must be active, suspended or terminated")
                }
                let agreement = try await services.partners.act(action, on: id, reason: reason, expectedVersion: version, by: actor)
                return Reply.versioned(agreement, version: agreement.version)
            }
            let draft = AgreementForms.draft(&body)
            try body.finish()
            let agreement = try await services.partners.updateAgreement(id, draft, fields: Set(body.keys),
                                                                        expectedVersion: version, by: actor)
            return Reply.versioned(agreement, version: agreement.version)
        },

        // Rubrics
        APIRoute(.get, "/v1/rubrics") { request, context in
            let items = try await services.evaluations.rubrics(status: request.query("status"), by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.post, "/v1/rubrics") { request, context in
            let actor = try context.requireActor()
            // The domain reads the document itself and names every bad or unknown field.
            let body = try await JSONBody.read(request, context: context)
            let rubric = try await services.evaluations.createRubric(body.value, by: actor)
            return Reply.created(rubric, location: "/v1/rubrics/\(rubric.id.text)")
        },
        APIRoute(.get, "/v1/rubrics/{id}") { _, context in
            Reply.json(try await services.evaluations.rubric(context.parameters.require("id"), by: context.requireActor()))
        },
        APIRoute(.post, "/v1/rubrics/{id}/publish") { _, context in
            Reply.json(try await services.evaluations.publish(context.parameters.require("id"), by: context.requireActor()))
        },
        APIRoute(.post, "/v1/rubrics/{id}/retire") { _, context in
            Reply.json(try await services.evaluations.retire(context.parameters.require("id"), by: context.requireActor()))
        },

        // Evaluation panels and score sheets
        APIRoute(.get, "/v1/applications/{id}/evaluators") { _, context in
            let items = try await services.evaluations.panel(application: context.parameters.require("id"),
                                                             by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.post, "/v1/applications/{id}/evaluators") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let evaluator = body.string("evaluator_id")
            try body.finish()
            let member = try await services.evaluations.assign(application: context.parameters.require("id"),
                                                               evaluator: evaluator, by: actor)
            return Reply.created(member, location: "/v1/applications/\(member.applicationID.text)/evaluators")
        },
        APIRoute(.post, "/v1/applications/{id}/recusals") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let evaluator = body.string("evaluator_id")
            let reason = body.string("reason")
            let relationship = body.string("relationship")
            try body.finish()
            let declaration = try await services.evaluations.recuse(
                application: context.parameters.require("id"), evaluator: evaluator, reason: reason,
                relationship: relationship, by: actor)
            return Reply.created(declaration, location: "/v1/applications/\(declaration.applicationID?.text ?? "")/evaluators")
        },
        APIRoute(.get, "/v1/assignments") { request, context in
            let items = try await services.evaluations.assignments(
                evaluator: request.query("evaluator_id"), status: request.query("status"), limit: request.pageRequest().limit,
                by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.get, "/v1/applications/{id}/evaluations") { request, context in
            let items = try await services.evaluations.sheets(application: context.parameters.require("id"),
                                                              history: request.flag("history") ?? false,
                                                              by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.post, "/v1/applications/{id}/evaluations") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let submission = EvaluationService.Submission(
                rubricID: body.string("rubric_id"), scores: body.members("scores"), comment: body.string("comment"),
                reason: body.string("reason"), evaluatorID: body.string("evaluator_id"))
            try body.finish()
            let sheet = try await services.evaluations.submit(application: context.parameters.require("id"), submission,
                                                              by: actor)
            return Reply.created(sheet, location: "/v1/applications/\(sheet.applicationID.text)/evaluations")
        },
        APIRoute(.get, "/v1/applications/{id}/score") { _, context in
            Reply.json(try await services.evaluations.score(application: context.parameters.require("id"),
                                                            by: context.requireActor()))
        },
        APIRoute(.get, "/v1/positions/{id}/ranking") { _, context in
            let items = try await services.evaluations.rank(position: context.parameters.require("id"),
                                                            by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },

        // Targets
        APIRoute(.get, "/v1/targets") { request, context in
            let items = try await services.targets.list(agency: request.query("agency"), by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.post, "/v1/targets") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let agency = body.string("agency_code"), kind = body.string("position_kind"), count = body.int("count")
            let deadline = body.string("deadline"), starts = body.string("starts_on"), note = body.string("note")
            try body.finish {
                _ = try ValidTarget(agencyCode: agency, positionKind: kind, count: count, deadline: deadline, startsOn: starts,
                                    note: note)
            }
            let target = try await services.targets.add(agencyCode: agency, positionKind: kind, count: count,
                                                        deadline: deadline, startsOn: starts, note: note, by: actor)
            return Reply.created(target, location: "/v1/targets")
        },

        // Reports
        APIRoute(.get, "/v1/reports/pipeline") { request, context in
            Reply.json(try await services.reports.pipeline(
                agency: request.query("agency"), positionKind: request.query("position_kind"), from: request.query("from"),
                to: request.query("to"), groupBy: request.query("group_by"), by: context.requireActor()))
        },
        APIRoute(.get, "/v1/reports/targets") { _, context in
            let items = try await services.reports.targets(by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.get, "/v1/reports/partners") { _, context in
            let items = try await services.reports.partners(by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },
        APIRoute(.get, "/v1/reports/referrers") { request, context in
            let items = try await services.reports.referrers(kind: request.query("referrer_kind"), by: context.requireActor())
            return Reply.json(Page(items: items, nextCursor: nil))
        },

        // Audit trail
        APIRoute(.get, "/v1/audit") { request, context in
            let page = try await services.audit.list(entity: request.query("entity"), actor: request.query("actor"),
                                                     since: request.query("since"), page: request.pageRequest(),
                                                     by: context.requireActor())
            return Reply.json(page)
        },
    ]
}

/// How JSON bodies become service inputs.
enum CandidateForms {
    static func draft(_ body: inout JSONBody) -> CandidateDraft {
        CandidateDraft(
            fullName: body.string("full_name"), dateOfBirth: body.string("date_of_birth"), gender: body.string("gender"),
            citizenID: body.string("citizen_id"), email: body.string("email"), phone: body.string("phone"),
            province: body.string("province"),
            education: body.objects("education") { record in
                EducationDraft(degree: record.string("degree"), field: record.string("field"),
                               institution: record.string("institution"), graduationYear: record.int("graduation_year"),
                               classification: record.string("classification"))
            },
            sector: body.string("sector"), currentEmployer: body.string("current_employer"),
            currentTitle: body.string("current_title"), legalExperienceYears: body.int("legal_experience_years"),
            skills: body.strings("skills"), languages: body.strings("languages"), notes: body.string("notes"))
    }
}

enum AgreementForms {
    static func draft(_ body: inout JSONBody) -> AgreementDraft {
        AgreementDraft(reference: body.string("reference"), title: body.string("title"), signedOn: body.string("signed_on"),
                       startsOn: body.string("starts_on"), endsOn: body.string("ends_on"), fields: body.strings("fields"),
                       yearlyQuota: body.int("yearly_quota"), training: body.string("training"), notes: body.string("notes"))
    }
}

enum PositionForms {
    static func draft(_ body: inout JSONBody) -> PositionDraft {
        PositionDraft(agencyCode: body.string("agency_code") ?? body.string("agency"), title: body.string("title"),
                      kind: body.string("kind"), openings: body.int("openings"), targetDate: body.string("target_date"),
                      status: body.string("status"), description: body.string("description"))
    }
}

extension Request {
    /// The filters of candidate lists and exports.
    func candidateQuery() throws -> CandidateQuery {
        var year: Int?
        if let text = query("graduation_year") {
            guard let value = Int(text) else {
                throw ServiceError.invalid("graduation_year", vi: "phải là năm, ví dụ 2023", en: "must be a year such as 2023")
            }
            year = value
        }
        return CandidateQuery(text: query("q"), stage: query("stage"), agency: query("agency"),
                              positionID: query("position_id") ?? query("position"), sector: query("sector"),
                              degree: query("degree"), graduationYear: year, createdFrom: query("created_from"),
                              createdTo: query("created_to"), sort: query("sort"))
    }

    /// The version in `If-Match` (`"3"`, `W/"3"` or `3`); `*` means any.
    func optionalVersion() throws -> Int? {
        guard let header = headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), !header.isEmpty, header != "*" else {
            return nil
        }
        let digits = header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(digits) else {
            throw ServiceError.invalid("If-Match", vi: "phải là phiên bản của bản ghi, ví dụ \"3\"",
                                       en: "must be the record's version, for example \"3\"")
        }
        return version
    }

    /// PATCH needs `If-Match` with the version read, so a concurrent change is never overwritten (428 without it).
    func requiredVersion() throws -> Int? {
        guard let header = headers[.ifMatch], !header.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ServiceError(.preconditionRequired, LocalizedText(
                vi: "Cần tiêu đề If-Match với phiên bản (ETag) của bản ghi", en: "If-Match with the record's version (ETag) is required"))
        }
        return try optionalVersion()
    }
}
