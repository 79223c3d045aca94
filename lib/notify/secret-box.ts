import "server-only";
import { secretBox } from "@/lib/crypto/secret-box";

export { SecretBoxError } from "@/lib/crypto/secret-box";

// Secrets an outbox message carries until it is sent, under the outbox's own key.
const box = secretBox("clientdesk outbox secrets v1");

export const seal = box.seal;
export const open = box.open;
