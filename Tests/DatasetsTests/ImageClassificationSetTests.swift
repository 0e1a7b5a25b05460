import Foundation
import Testing
@testable import Datasets

@Suite("Image classification sets and the MNIST-family loaders")
struct ImageClassificationSetTests {
    /// Writes the tiny fixture as a split named like the real files, gzipped or not.
    private func writeSplit(_ split: DatasetSplit, in dir: String, gzip: Bool, labels: IDXFile = tinyLabels()) throws {
        let suffix = gzip ? ".gz" : ""
        let prefix = split == .train ? "train" : "t10k"
        try writeFixture(tinyImages().encoded(), to: "\(dir)/\(prefix)-images-idx3-ubyte\(suffix)", gzip: gzip)
        try writeFixture(labels.encoded(), to: "\(dir)/\(prefix)-labels-idx1-ubyte\(suffix)", gzip: gzip)
    }

    @Test("loads a split from gzipped or uncompressed files and scales pixels to byte/255", arguments: [false, true])
    func loadsSplit(gzip: Bool) throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTemporaryDirectory(dir) }
        try writeSplit(.test, in: dir, gzip: gzip)
        let set = try FashionMNIST.load(split: .test, directory: dir)
        #expect(set.count == 3 && set.rows == 2 && set.cols == 3 && set.classes == 10)
        #expect(set.labels == [3, 0, 9])
        // Fixture byte i is 15·i: image 1 starts at byte 6 = 90, so 90/255.
        #expect(set.image(at: 1).first == Float(90) / 255)
        #expect(set.pixels.last == 1.0)  // 17·15 = 255
        #expect(set.pixels.count == 18)
    }

    @Test("a missing Fashion-MNIST file names the .gz path and the apt package")
    func missingFashion() throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTemporaryDirectory(dir) }
        do {
            _ = try FashionMNIST.load(split: .train, directory: dir)
            Issue.record("loading from an empty directory should throw")
        } catch let error as DatasetError {
            #expect(error.description == "\(dir)/train-images-idx3-ubyte.gz: not found — install it with 'apt-get install dataset-fashion-mnist' or set task.path to the directory holding the IDX files")
        }
    }

    @Test("rejects labels files whose count differs from the images file")
    func countMismatch() throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTemporaryDirectory(dir) }
        try writeSplit(.train, in: dir, gzip: false, labels: IDXFile(dimensions: [2], bytes: [1, 2]))
        #expect(throws: DatasetError.countMismatch(
            imagesPath: dir + "/train-images-idx3-ubyte", images: 3,
            labelsPath: dir + "/train-labels-idx1-ubyte", labels: 2)) {
            try MNIST.load(split: .train, directory: dir)
        }
    }

    @Test("rejects a label that is not a class index")
    func labelRange() throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTemporaryDirectory(dir) }
        try writeSplit(.train, in: dir, gzip: true, labels: IDXFile(dimensions: [3], bytes: [1, 10, 2]))
        #expect(throws: DatasetError.labelOutOfRange(path: dir + "/train-labels-idx1-ubyte.gz", index: 1, label: 10, classes: 10)) {
            try MNIST.load(split: .train, directory: dir)
        }
    }

    @Test("subsets by range and by indices keep images and labels together")
    func subsets() throws {
        let set = try ImageClassificationSet(images: tinyImages(), labels: tinyLabels(), classes: 10)
        let tail = set.subset(1..<3)
        #expect(tail.count == 2 && tail.labels == [0, 9])
        #expect(Array(tail.image(at: 0)) == Array(set.image(at: 1)))
        let picked = set.subset(indices: [2, 0, 2])
        #expect(picked.labels == [9, 3, 9])
        #expect(Array(picked.image(at: 1)) == Array(set.image(at: 0)))
        #expect(picked.pixels.count == 3 * 6)
    }

    static let fashionTestLabels = FashionMNIST.defaultDirectory + "/t10k-labels-idx1-ubyte.gz"

    @Test("loads the real Fashion-MNIST test split when installed",
          .enabled(if: FileManager.default.fileExists(atPath: fashionTestLabels)))
    func realFashionMNIST() throws {
        let set = try FashionMNIST.load(split: .test)
        #expect(set.count == 10_000 && set.rows == 28 && set.cols == 28)
        // From python3 gzip.open(...).read()[8:18] on the Debian file.
        #expect(Array(set.labels.prefix(10)) == [9, 2, 1, 1, 6, 1, 4, 6, 5, 7])
        #expect(set.pixels.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    static let mnistTestLabels = MNIST.defaultDirectory + "/t10k-labels-idx1-ubyte"

    @Test("loads real MNIST (scripts/fetch-mnist.py, SHA-256 verified) when installed",
          .enabled(if: FileManager.default.fileExists(atPath: mnistTestLabels)))
    func realMNIST() throws {
        let train = try MNIST.load(split: .train), test = try MNIST.load(split: .test)
        #expect(train.count == 60_000 && test.count == 10_000 && test.rows == 28 && test.cols == 28)
        // From python3 open(...).read()[8:18] on the verified files.
        #expect(Array(train.labels.prefix(10)) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        #expect(Array(test.labels.prefix(10)) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
    }
}
