import { Text } from "@react-email/text";
import type { OtpCodeData } from "@/lib/notify/templates";
import { EmailLayout, Paragraph, type EmailCompany, type EmailProps } from "./layout";
import { styles } from "./styles";

export const otpCodeSubject = (d: OtpCodeData, c: EmailCompany) => `${d.code} is your ${c.name} code`;

export function OtpCodeEmail({ data: d, company }: EmailProps<OtpCodeData>) {
  return (
    <EmailLayout company={company} preview={`Your code expires in ${d.minutes} minutes`}>
      <Paragraph>Your one-time code is:</Paragraph>
      <Text style={styles.code}>{d.code}</Text>
      <Paragraph>It expires in {d.minutes} minutes. Never share it: we will never ask you for it.</Paragraph>
    </EmailLayout>
  );
}
