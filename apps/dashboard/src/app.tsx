export function App() {
  return (
    <main>
      <h1>Coil</h1>
    </main>
  );
}
