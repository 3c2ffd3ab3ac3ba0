package dev.watchword.command.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The serializer of everything but stored events (Axon stores snapshots with it): Jackson, except that a snapshot
 * of a user aggregate is stored encrypted, as a whole, with the user's data key ({@link PersonalDataKeys},
 * {@link PersonalDataCipher}), as {@code {"<id field>": "<user id>", "sealed": "pii:v1:..."}}. A snapshot holds the
 * address, the password hash and the hashes of pending one-time secrets in one place; in clear, it would survive
 * crypto-shredding wherever a copy of the table went (a backup, a replica), even though erasure deletes the rows
 * (OWASP ASVS 5.0 V14.2.4, V11.3.2). No snapshot is taken of a user whose key was destroyed: serializing one fails,
 * and Axon's snapshotter logs it and stores nothing.
 * <p>
 * A snapshot stored in clear before this existed reads as it is; V9.2 deleted those.
 */
public class SnapshotSerializer implements Serializer {

    static final String SEALED = "sealed";
    private static final String FIELD = "snapshot";

    private final Serializer jackson;
    private final ObjectMapper mapper;
    private final PersonalDataKeys keys;
    private final Class<?> userAggregate;
    private final String idField;

    /**
     * @param userAggregate the aggregate whose snapshots hold personal data
     * @param idField       the JSON field of its snapshot that holds the user id
     */
    public SnapshotSerializer(
            Serializer jackson, ObjectMapper mapper, PersonalDataKeys keys, Class<?> userAggregate, String idField) {
        this.jackson = jackson;
        this.mapper = mapper;
        this.keys = keys;
        this.userAggregate = userAggregate;
        this.idField = idField;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !userAggregate.equals(object.getClass())) {
            return jackson.serialize(object, expectedRepresentation);
        }
        JsonNode state = mapper.valueToTree(object);
        String userId = state.path(idField).asText(null);
        if (userId == null) {
            throw new IllegalStateException("A user snapshot without " + idField + ": not taken");
        }
        SecretKey key = keys.keyFor(userId)
                .orElseThrow(() ->
                        new IllegalStateException("The user's data key was destroyed (erased): no snapshot is taken"));
        ObjectNode sealed = mapper.createObjectNode()
                .put(idField, userId)
                .put(SEALED, PersonalDataCipher.encrypt(state.toString(), key, userId, FIELD));
        return getConverter()
                .convert(
                        new SimpleSerializedObject<>(sealed, JsonNode.class, typeForClass(object.getClass())),
                        expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!userAggregate.equals(classForType(serializedObject.getType()))) {
            return jackson.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject, JsonNode.class).getData();
        String sealed = tree.path(SEALED).asText(null);
        if (!PersonalDataCipher.isEncrypted(sealed)) {
            return jackson.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
        }
        String userId = tree.path(idField).asText();
        SecretKey key = keys.keyOf(userId)
                .orElseThrow(() -> new IllegalStateException("Snapshot of an erased user: its key is destroyed"));
        try {
            JsonNode state = mapper.readTree(PersonalDataCipher.decrypt(sealed, key, userId, FIELD));
            return jackson.deserialize(new SimpleSerializedObject<>(state, JsonNode.class, serializedObject.getType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable snapshot of " + userId, e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
