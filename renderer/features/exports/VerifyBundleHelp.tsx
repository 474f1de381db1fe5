// How an auditor checks a bundle away from this PC: three ways, none of which needs Clinic Ops to be trusted.
import { List, Text } from '@mantine/core';

export function VerifyBundleHelp() {
  return (
    <>
      <Text size="sm" mb="xs">
        Each bundle carries its own proof. An auditor can check it in any of these ways:
      </Text>
      <List size="sm" spacing="xs">
        <List.Item>
          Open <code>verify.html</code> from inside the bundle in a browser and pick the ZIP: it checks every file&apos;s SHA-256, the audit chain up to
          the signed head hash and the clinic&apos;s signature, without a network connection.
        </List.Item>
        <List.Item>
          Run <code>clinic-ops verify-export PATH-TO-BUNDLE.zip</code>: the same checks on the command line (exit code 0 when intact).
        </List.Item>
        <List.Item>
          Unzip it and run <code>sha256sum -c MANIFEST.txt</code> in the folder: every file listed must say OK.
        </List.Item>
      </List>
      <Text size="sm" mt="xs">
        Compare the manifest hash and head hash with the ones shown here when the bundle was made; a later bundle whose chain does not extend the
        earlier head hash means the log was rebuilt.
      </Text>
    </>
  );
}
