import { NotesList } from "../../components/NotesList";

export default function DashboardPage() {
  return <NotesList />;
}
