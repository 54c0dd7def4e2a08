import { Button, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { EmailFrame, emailButton } from './email-frame';

// A short email to a host about their account (a calendar to reconnect, a calendar that stopped
// syncing): a heading, a greeting, paragraphs, one button.

const text = { fontSize: '15px', lineHeight: '22px' };

export function HostNotice(props: { preview: string; heading: string; hostName: string; paragraphs: ReactNode[]; action: { href: string; label: string } }) {
  return (
    <EmailFrame preview={props.preview} heading={props.heading}>
      <Text style={text}>Hi {props.hostName},</Text>
      {props.paragraphs.map((paragraph, index) => (
        <Text key={index} style={text}>
          {paragraph}
        </Text>
      ))}
      <Button href={props.action.href} style={emailButton}>
        {props.action.label}
      </Button>
    </EmailFrame>
  );
}
