/// Pharmine composes the stages into the pipeline: read, annotate, relate, write.
///
/// Main types:
/// - ``PipelineConfiguration``: inputs, destination, formats, threads, lexicons, reading options.
/// - ``Pipeline``: runs the stages concurrently on worker threads with a bounded
///   number of documents in flight, and writes the results in input order (byte-identical output
///   for any thread count).
/// - ``StageFactory``: builds the stages (`[any Stage]`) a configuration asks for.
/// - ``DocumentSource``: where documents come from (``PharmineIngest/Ingest`` in real runs).
/// - ``RunSummary`` and ``PipelineProgress``: what the CLI shows.
///
/// ```swift
/// let configuration = PipelineConfiguration(
///     inputs: ["Corpora"], destination: .directory("Output"), formats: [.triples, .evidence], threads: 4)
/// let summary = try Pipeline(configuration: configuration).run()
/// // Output/triples.jsonl, Output/evidence.tsv, Output/run-report.json
/// ```
public enum PharmineModule {}
