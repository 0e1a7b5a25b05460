/// The sequence tasks a suite config can name (`seq_task:`); raw values are the config spelling.
public enum SequenceTaskKind: String, CaseIterable, Sendable {
    /// Multi-query associative recall (`SyntheticMQAR`, Zoology).
    case mqar
    /// Selective copying (`SelectiveCopying`, Mamba §4.1).
    case selectiveCopying = "selective-copying"
    /// Induction heads (`InductionHeads`, safari).
    case inductionHeads = "induction-heads"
    /// Byte-level language modelling on a text corpus (`CharacterCorpus`).
    case charLM = "char-lm"
}
