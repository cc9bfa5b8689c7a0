import Foundation
import Git
import Manifest

/// One line of progress, for standard error.
public struct BisectProgress: Sendable {
    /// `good endpoint`, `bad endpoint`, or `step k of about n`.
    public var label: String
    /// The commit tested.
    public var commit: CommitInfo
    /// The step's verdict and median value.
    public var verdict: Verdict
    /// The median metric, when there is one.
    public var value: Double?
    /// Seconds the step's runs took.
    public var seconds: Double
}

/// Runs a bisection: tests both endpoints, then the candidate that best halves what is left, until one
/// commit (or a set of skipped ones) remains. Each candidate is checked out with libgit2 into a
/// temporary directory that is removed after its step; the user's repositories are never written.
public struct Bisector: Sendable {
    /// The request.
    public let request: BisectRequest
    /// Called after each step.
    public var progress: @Sendable (BisectProgress) -> Void = { _ in }
    private let runner = TestRunner()

    /// A bisector for `request`.
    public init(_ request: BisectRequest) {
        self.request = request
    }

    /// This bisector, reporting each step to `progress`.
    public func withProgress(_ progress: @escaping @Sendable (BisectProgress) -> Void) -> Bisector {
        var copy = self
        copy.progress = progress
        return copy
    }

    /// Bisects. Errors, interruption (task cancellation) included, come back as the result's status, with
    /// every run made so far; temporary directories are gone when this returns.
    public func run() async -> BisectResult {
        let started = ContinuousClock.now
        var result = BisectResult(status: .failed, candidates: 0, expectedSteps: 0)
        let scratch: ScratchDirectory
        do {
            scratch = try ScratchDirectory(parent: request.temporaryDirectory)
        } catch {
            result.error = error.localizedDescription
            return result
        }
        do {
            try await bisect(&result, scratch: scratch)
        } catch is CancellationError {
            result.status = .interrupted
            result.error = BisectError.interrupted.localizedDescription
        } catch let error as BisectError {
            result.status = error == .interrupted ? .interrupted : .failed
            result.error = error.localizedDescription
        } catch {
            result.status = .failed
            result.error = error.localizedDescription
        }
        scratch.remove()
        result.seconds = TestRunner.seconds(ContinuousClock.now - started)
        return result
    }

    private func bisect(_ result: inout BisectResult, scratch: ScratchDirectory) async throws {
        let history = try DependencyHistory(path: request.repository, module: request.module)
        let good = try history.endpoint(request.good, flag: "--good"), bad = try history.endpoint(request.bad, flag: "--bad")
        guard good.id != bad.id else { throw BisectError.sameCommit(good.id) }
        let direction: BisectResult.Direction
        if try history.isDescendant(bad.id, of: good.id) {
            direction = .regression
        } else if try history.isDescendant(good.id, of: bad.id) {
            direction = .fix
        } else {
            throw BisectError.unrelated(good: request.good, bad: request.bad)
        }
        let module = try request.module ?? Self.module(of: history, at: bad.id) ?? Self.module(of: history, at: good.id)
        let wiring = try request.project.flatMap { project throws(BisectError) in
            GoWiring.isGoProject(project) ? try GoWiring(project: project, module: try Self.require(module)) : nil
        }
        let (old, new) = direction == .regression ? (good, bad) : (bad, good)
        let candidates = request.tagsOnly ? try history.tagCandidates(old: old, new: new) : try history.commitCandidates(old: old, new: new)
        var search = BisectSearch(parents: candidates.parents)
        result.direction = direction
        result.module = module
        (result.repository, result.repositoryWarning) = RepositoryURL.resolve(
            explicit: request.repositoryURL, origin: history.originURL(), module: module,
            clonePath: URL(fileURLWithPath: request.repository).standardizedFileURL.path)
        result.unit = request.tagsOnly ? .release : .commit
        result.good = try history.describe(good)
        result.bad = try history.describe(bad)
        result.candidates = search.count
        result.expectedSteps = search.stepsLeft
        let context = StepContext(history: history, scratch: scratch, wiring: wiring,
                                  source: SourceCheckout(history.repository, path: (scratch.path as NSString).appendingPathComponent("source")))

        // Both endpoints first: if they do not disagree, there is nothing to find.
        let goodVerdict = try await step("good endpoint", result.good!, context, &result)
        let badVerdict = try await step("bad endpoint", result.bad!, context, &result)
        if goodVerdict == .skip { throw BisectError.endpointSkipped(request.good) }
        if badVerdict == .skip { throw BisectError.endpointSkipped(request.bad) }
        guard goodVerdict != badVerdict else { throw BisectError.endpointsAgree(verdict: goodVerdict, good: request.good, bad: request.bad) }

        // In the search's terms, "new" is the newer endpoint's state: bad for a regression, good for a fix.
        let newState: Verdict = direction == .regression ? .bad : .good
        var number = 0
        while true {
            switch search.next {
            case .test(let index):
                number += 1
                let label = "step \(number) of about \(number + search.stepsLeft - 1)"
                let info = try history.describe(candidates.commits[index])
                let verdict = try await step(label, info, context, &result, stepNumber: String(number))
                if verdict == .skip { search.skip(index) } else { search.record(index, isNew: verdict == newState) }
            case .found(let index):
                result.status = .found
                result.commit = try history.describe(candidates.commits[index])
                if request.tagsOnly { result.neighbour = try history.describe(index == 0 ? old : candidates.commits[index - 1]) }
                return
            case .ambiguous(let indices):
                guard !indices.isEmpty else {
                    throw BisectError.unjudgeable(commit: new.shortID, reason: "the verdicts contradict each other (a commit judged \(newState.rawValue) has an ancestor judged otherwise); the test is not deterministic enough — try --runs 3")
                }
                result.status = .ambiguous
                result.possibleCommits = try indices.map { index throws(BisectError) in try history.describe(candidates.commits[index]) }
                return
            }
        }
    }

    /// What every step shares.
    private struct StepContext {
        let history: DependencyHistory
        let scratch: ScratchDirectory
        let wiring: GoWiring?
        /// One checkout, moved from commit to commit.
        let source: SourceCheckout
    }

    /// Checks `commit` out, wires it, runs the test `runs` times, and records the runs and the verdict.
    private func step(_ label: String, _ commit: CommitInfo, _ context: StepContext, _ result: inout BisectResult,
                      stepNumber: String? = nil) async throws -> Verdict {
        let stepStarted = ContinuousClock.now
        let directory = try context.scratch.makeStepDirectory()
        defer { context.scratch.removeItem(directory) }
        let checkout = try context.source.move(to: commit.id)
        var environment = ["DEPWATCH_SOURCE": checkout, "DEPWATCH_REVISION": commit.id, "DEPWATCH_VERSION": commit.version]
        if let wiring = context.wiring {
            environment.merge(try wiring.wire(checkout: checkout, into: directory)) { $1 }
        }
        let workingDirectory = request.project ?? FileManager.default.currentDirectoryPath
        var judged: [(verdict: Verdict, value: Double?)] = []
        for run in 1...max(1, request.runs) {
            // A heap-profile judge reads the profile the run writes: a path of its own, in the step's folder.
            var heapProfile: String?
            if case .heapProfile = request.judge {
                heapProfile = (directory as NSString).appendingPathComponent("heap-\(run).pb.gz")
                environment["DEPWATCH_HEAP_PROFILE"] = heapProfile
            }
            let outcome = try await runner.run(request.command, in: workingDirectory, environment: environment, timeout: request.timeout)
            let judgement = request.judge.judge(outcome, onTimeout: request.onTimeout, heapProfile: heapProfile)
            var record = BisectResult.Run(step: stepNumber ?? label, commit: commit.id, version: commit.version, run: run, value: nil,
                                          verdict: nil, ended: Self.describe(outcome.termination), seconds: outcome.seconds)
            switch judgement {
            case .verdict(let verdict, let value):
                (record.verdict, record.value) = (verdict, value)
                result.runs.append(record)
                judged.append((verdict, value))
            case .unjudgeable(let reason):
                result.runs.append(record)
                throw BisectError.unjudgeable(commit: commit.shortID, reason: reason)
            case .abort(let reason):
                result.runs.append(record)
                throw BisectError.aborted(commit: commit.shortID, reason: reason)
            }
        }
        let (verdict, value) = StepVerdict.combine(judged, threshold: request.judge.threshold)
        result.steps.append(BisectResult.Step(step: stepNumber ?? label, commit: commit.id, verdict: verdict, value: value))
        progress(BisectProgress(label: label, commit: commit, verdict: verdict, value: value,
                                seconds: TestRunner.seconds(ContinuousClock.now - stepStarted)))
        return verdict
    }

    static func describe(_ termination: RunOutcome.Termination) -> String {
        switch termination {
        case .exited(let code): return "exit \(code)"
        case .signaled(let signal): return "signal \(signal)"
        case .timedOut: return "timed out"
        }
    }

    /// The `module` line of the dependency's go.mod at `revision` (`nil` without one).
    static func module(of history: DependencyHistory, at revision: String) throws(BisectError) -> String? {
        let read: BlobRead?
        do { read = try history.repository.blob(at: revision, path: "go.mod", limit: ManifestFile.maximumSize) } catch { throw .git(error) }
        guard case .content(let bytes)? = read, let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return (try? GoModParser.parse(text, path: "go.mod"))?.module
    }

    static func require(_ module: String?) throws(BisectError) -> String {
        guard let module else {
            throw .wiring("the dependency has no go.mod at either revision to name its module; pass --module PATH (the module path the project requires)")
        }
        return module
    }
}
