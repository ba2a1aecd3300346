package io.jitar.examples.showcase.notes;

import io.jitar.examples.showcase.vault.Signature;
import io.jitar.examples.showcase.vault.Vault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notebook: plain JPA in a CDI bean with {@code @Transactional}. Before a note is stored the
 * vault signs it: standalone the vault is the local bean; in a cluster it may be a remote proxy
 * calling the protected {@code vault/sign} with the worker's trust key. The code is the same.
 */
@ApplicationScoped
@Transactional
public class JpaNotes implements Notes {

    @PersistenceContext(unitName = "showcase")
    EntityManager entityManager;

    @Inject
    Vault vault;

    @Override
    public Note add(NoteDraft note) {
        NoteDraft checked = NotebookRules.check(note);
        Signature signature = vault.sign(Note.signedText(checked.author(), checked.text()));
        NoteEntity entity = new NoteEntity();
        entity.setAuthor(checked.author());
        entity.setText(checked.text());
        entity.setTags(checked.tags());
        entity.setCreated(Instant.now().toEpochMilli());
        entity.setSignatureAlgorithm(signature.algorithm());
        entity.setSignatureKeyId(signature.keyId());
        entity.setSignatureValue(signature.value());
        entityManager.persist(entity);
        entityManager.flush();
        return toNote(entity);
    }

    @Override
    public List<Note> list(Optional<String> author, Optional<Integer> limit) {
        int max = NotebookRules.limit(limit.orElse(null));
        Optional<String> who = author.map(String::strip).filter(a -> !a.isEmpty());
        TypedQuery<NoteEntity> query = who.isPresent()
                ? entityManager.createQuery("SELECT n FROM Note n WHERE n.author = :author ORDER BY n.id DESC", NoteEntity.class)
                        .setParameter("author", who.get())
                : entityManager.createQuery("SELECT n FROM Note n ORDER BY n.id DESC", NoteEntity.class);
        return query.setMaxResults(max).getResultList().stream().map(JpaNotes::toNote).toList();
    }

    @Override
    public Note get(long id) {
        NoteEntity entity = entityManager.find(NoteEntity.class, id);
        if (entity == null) {
            throw new NoteNotFoundException("Note " + id + " not found");
        }
        return toNote(entity);
    }

    private static Note toNote(NoteEntity entity) {
        return new Note(entity.getId(), entity.getAuthor(), entity.getText(), List.copyOf(entity.getTags()),
                Instant.ofEpochMilli(entity.getCreated()),
                new Signature(entity.getSignatureAlgorithm(), entity.getSignatureKeyId(), entity.getSignatureValue()));
    }
}
