export default function App() {
  return <p>app</p>;
}
