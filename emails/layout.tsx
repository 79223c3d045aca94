// One package per element, not the @react-email/components barrel: that one
// also loads Tailwind's compiler and Prism for elements no template uses, a
// quarter of a second in every process that renders an email (a test file,
// a script, the worker; docs/architecture.md, "Tests").
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Column } from "@react-email/column";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Row } from "@react-email/row";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import { styles } from "./styles";

/** The sender, from the settings row: printed in every email's header and footer. */
/** The business: its name and address, and the locale and time zone its dates are written in. */
export type EmailCompany = { name: string; address: string; locale: string; timeZone: string };

export type EmailProps<D> = { data: D; company: EmailCompany };

export function EmailLayout({ company, preview, children }: { company: EmailCompany; preview: string; children: ReactNode }) {
  const addressLines = company.address.split(/\r?\n|,\s*/).filter(Boolean);
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{company.name}</Text>
          <Section style={styles.card}>{children}</Section>
          <Section style={{ padding: "16px 4px 0" }}>
            <Text style={styles.muted}>{company.name}</Text>
            {addressLines.length > 0 && <Text style={styles.muted}>{addressLines.join(", ")}</Text>}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** A call to action; the plain-text version prints the label followed by the URL. */
export function Action({ href, label, secondary }: { href: string; label: string; secondary?: { href: string; label: string } }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      {secondary && (
        <>
          {"  "}
          <Button href={secondary.href} style={styles.secondaryButton}>
            {secondary.label}
          </Button>
        </>
      )}
    </Section>
  );
}

/** Label and value rows, e.g. an invoice's total and due date. */
export function Summary({ rows }: { rows: [label: string, value: string][] }) {
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {rows.map(([label, value]) => (
        <Row key={label}>
          {/* The trailing space keeps label and value apart in the plain-text version. */}
          <Column style={styles.summaryLabel}>{`${label}: `}</Column>
          <Column style={styles.summaryValue}>{value}</Column>
        </Row>
      ))}
      <Hr style={styles.hr} />
    </Section>
  );
}
