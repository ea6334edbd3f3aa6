/** The outcome of an action, where the clerk sees it (never only in a console). */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ActionNotice } from "../hooks/useAction";

export function Notice(props: { notice: ActionNotice }) {
  if (!props.notice) return null;
  return (
    <MessageBar intent={props.notice.intent} role={props.notice.intent === "success" ? "status" : "alert"}>
      <MessageBarBody>{props.notice.text}</MessageBarBody>
    </MessageBar>
  );
}
