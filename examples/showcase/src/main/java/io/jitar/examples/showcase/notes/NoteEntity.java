package io.jitar.examples.showcase.notes;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.util.ArrayList;
import java.util.List;

/** The JPA entity behind a {@link Note}: table SHOWCASE_NOTE, tags in SHOWCASE_NOTE_TAG. */
@Entity(name = "Note")
@Table(name = "SHOWCASE_NOTE")
public class NoteEntity {

    /**
     * 1, 2, 3, ... from a table generator: portable, and EclipseLink creates it silently (its
     * IDENTITY DDL does not suit H2 2.x; a sequence is probed with a failing SELECT first).
     */
    @Id
    @TableGenerator(name = "showcase_note_id", table = "SHOWCASE_ID", pkColumnValue = "NOTE", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "showcase_note_id")
    private Long id;

    @Column(nullable = false, length = NotebookRules.MAX_AUTHOR_LENGTH)
    private String author;

    @Column(nullable = false, length = NotebookRules.MAX_TEXT_LENGTH)
    private String text;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "SHOWCASE_NOTE_TAG", joinColumns = @JoinColumn(name = "NOTE_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "TAG", length = NotebookRules.MAX_TAG_LENGTH)
    private List<String> tags = new ArrayList<>();

    /** Milliseconds since the epoch (UTC). */
    @Column(nullable = false)
    private long created;

    @Column(nullable = false, length = 32)
    private String signatureAlgorithm;

    @Column(nullable = false, length = 16)
    private String signatureKeyId;

    @Column(nullable = false, length = 128)
    private String signatureValue;

    public Long getId() {
        return id;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = new ArrayList<>(tags);
    }

    public long getCreated() {
        return created;
    }

    public void setCreated(long created) {
        this.created = created;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public void setSignatureAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String getSignatureKeyId() {
        return signatureKeyId;
    }

    public void setSignatureKeyId(String signatureKeyId) {
        this.signatureKeyId = signatureKeyId;
    }

    public String getSignatureValue() {
        return signatureValue;
    }

    public void setSignatureValue(String signatureValue) {
        this.signatureValue = signatureValue;
    }
}
