import { Link } from 'react-router';

/** The upload template of students not in the system (decision 0071). */
export const EWS_UPLOAD_TEMPLATE = 'ews-student-data';

/**
 * Students the district scores from its own EWS data file because they are not in the system: how many were
 * scored this school year, how many this list shows, and links to the upload page and the template.
 */
export function UploadedStudentsSection({
  district,
  scored,
  listed,
}: {
  district: string;
  scored: number;
  listed: number;
}) {
  return (
    <section aria-labelledby="uploaded-students">
      <h2 id="uploaded-students">Students not in the system</h2>
      <p>
        Students who are not in the system can be scored from your own EWS data file, with the same models and
        reasons; they are marked “uploaded (not in the system)” in the list and its CSV.
      </p>
      <p>
        {scored === 1
          ? '1 uploaded student scored this school year'
          : `${scored} uploaded students scored this school year`}
        {`; ${listed} in this list.`}{' '}
        <Link to={`/districts/${district}/upload?template=${EWS_UPLOAD_TEMPLATE}`}>
          Upload EWS student data
        </Link>
        {' · '}
        <Link to={`/templates/${EWS_UPLOAD_TEMPLATE}`}>Template and fields</Link>
      </p>
    </section>
  );
}
