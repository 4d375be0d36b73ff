import EventModel
import Foundation

/// Notes a pack ships (`notes/index.json` and the files it lists): what the sources report
/// speakers said, so that questions about talks have answers on day one. Imported as
/// `reported` notes; importing again changes nothing.
public enum StarterNotes {
  struct Index: Decodable {
    struct Entry: Decodable {
      var file: String
      var session: String?
      var speaker: String?
      var language: String
      var sources: [String]
    }
    var files: [Entry]
  }

  /// Imports the pack's starter notes into the store; how many files were new. A pack without
  /// them imports nothing; a broken index or file is an error naming it.
  @discardableResult
  public static func importAll(
    packDirectory: URL, into store: KnowledgeStore, now: Date, mentions: MentionFinder? = nil
  ) throws(NotesFileError) -> Int {
    let directory = packDirectory.appendingPathComponent("notes")
    let indexPath = directory.appendingPathComponent("index.json").path
    let indexData: Data
    do {
      indexData = try BoundedFile.read(indexPath, limit: 1 << 20)
    } catch .missing {
      return 0
    } catch {
      throw NotesFileError(file: "notes/index.json", message: error.description)
    }
    let index: Index
    do {
      index = try JSONDecoder().decode(Index.self, from: indexData)
    } catch {
      throw NotesFileError(
        file: "notes/index.json",
        message: PackLoader.decodingIssue(for: error, data: indexData, file: "notes/index.json")
          .message)
    }
    var imported = 0
    for entry in index.files {
      let name = "notes/" + entry.file
      guard !entry.file.contains("/"), let language = Language(rawValue: entry.language) else {
        throw NotesFileError(
          file: "notes/index.json", message: "\(entry.file): bad file name or language")
      }
      let data: Data
      do {
        data = try BoundedFile.read(
          directory.appendingPathComponent(entry.file).path, limit: NotesFileReader.maximumBytes)
      } catch {
        throw NotesFileError(file: name, message: error.description)
      }
      let notes = try NotesFileReader.read(data, fileName: name)
      do {
        if case .imported = try store.importNotes(
          notes, source: name, digest: NotesDigest.of(data), session: entry.session,
          speaker: entry.speaker, language: language, now: now, origin: .reported,
          sources: entry.sources, mentions: mentions)
        {
          imported += 1
        }
      } catch {
        throw NotesFileError(file: name, message: error.description)
      }
    }
    return imported
  }
}
